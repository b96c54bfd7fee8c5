from django.urls import path, re_path
from rest_framework.routers import SimpleRouter

from catalogue.api.views import (
    CustomFieldViewSet,
    PicklistView,
    PriorityMatrixView,
    ServiceViewSet,
    TemplateViewSet,
)
from catalogue.documents import PICKLISTS

router = SimpleRouter()
router.register("services", ServiceViewSet, basename="org-service")
router.register("custom-fields", CustomFieldViewSet, basename="org-custom-field")
router.register("templates", TemplateViewSet, basename="org-template")
urlpatterns = [
    *router.urls,
    re_path(rf"^picklists/(?P<name>{'|'.join(PICKLISTS)})/$", PicklistView.as_view()),
    path("priority-matrix/", PriorityMatrixView.as_view()),
]
