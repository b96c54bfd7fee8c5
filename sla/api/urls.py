from django.urls import path
from rest_framework.routers import SimpleRouter

from sla.api.views import CalendarViewSet, PolicyViewSet, SettingsView

router = SimpleRouter()
router.register("calendars", CalendarViewSet, basename="org-calendar")
router.register("sla-policies", PolicyViewSet, basename="org-sla-policy")
urlpatterns = [*router.urls, path("settings/", SettingsView.as_view())]
