from wagtail import hooks

from .viewsets import consumer_key_viewset


@hooks.register("register_admin_viewset")
def register_consumer_keys():
    return consumer_key_viewset
