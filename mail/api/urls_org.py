from django.urls import path

from mail.api.views import MailSettingsView

urlpatterns = [path("mail-settings/", MailSettingsView.as_view(), name="org-mail-settings")]
