"""Government information disclosure (政府信息公开) for Wagtail.

The apps live in subpackages (``gov_disclosure.pages``, ``gov_disclosure.review`` …);
``gov_disclosure.settings.configure`` adds them to a host site, ``gov_disclosure.urls``
serves their public pages.
"""

__version__ = "0.2.0"
