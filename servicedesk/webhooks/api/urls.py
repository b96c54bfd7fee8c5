from rest_framework.routers import SimpleRouter

from servicedesk.webhooks.api.views import DeliveryViewSet, WebhookViewSet

router = SimpleRouter()
router.register("webhook", WebhookViewSet, basename="webhook")
router.register("delivery", DeliveryViewSet, basename="delivery")
urlpatterns = router.urls
