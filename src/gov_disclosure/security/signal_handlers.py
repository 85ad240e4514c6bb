"""Capture points only: each calls the service that does the work."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from . import audit_chain, sign_in


def _log_entry_saved(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        audit_chain.entries_seal(audit_chain.log_model_name(sender), [instance.pk])


for _model in audit_chain.LOG_MODELS.values():
    post_save.connect(_log_entry_saved, sender=_model, dispatch_uid=f"seal-{_model.__name__}")


@receiver(post_save, sender=get_user_model(), dispatch_uid="password-record")
def _user_saved(sender, instance, raw=False, **kwargs):
    # AbstractBaseUser.save() keeps the new raw password in _password until after
    # post_save: set_password() was called.
    if not raw and getattr(instance, "_password", None) is not None:
        sign_in.password_recorded(instance)


@receiver(user_logged_in, dispatch_uid="sign-in-logged")
def _logged_in(sender, request, user, **kwargs):
    sign_in.login_recorded(request, user)


@receiver(user_login_failed, dispatch_uid="sign-in-failed")
def _login_failed(sender, credentials, request=None, **kwargs):
    sign_in.login_failure_recorded(request, credentials.get("username", ""))
