from rest_framework.routers import SimpleRouter

from incidents.api.views import IncidentViewSet

router = SimpleRouter()
router.register("incident", IncidentViewSet, basename="incident")
urlpatterns = router.urls
