from wagtail import hooks

from .viewsets import AggregationGroup


@hooks.register("register_admin_viewset")
def register_aggregation():
    return AggregationGroup()
