from rest_framework.routers import SimpleRouter

from directory.api.views import AgentViewSet, GroupViewSet

router = SimpleRouter()
router.register("agents", AgentViewSet, basename="org-agent")
router.register("groups", GroupViewSet, basename="org-group")
urlpatterns = router.urls
