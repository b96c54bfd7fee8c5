from django.urls import path

from mail.api.views import InboundMailView

urlpatterns = [path("mail/inbound/", InboundMailView.as_view(), name="mail-inbound")]
