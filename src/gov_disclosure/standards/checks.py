from pathlib import Path

from django.core.checks import Error, register

from gov_disclosure.conf import disclosure_settings

from .spec import TemplateError, available_areas


@register()
def standard_catalogue_templates(app_configs, **kwargs):
    """The site's own standard-catalogue templates exist and follow the format."""
    folders = disclosure_settings.STANDARD_CATALOGUE_DIRS
    if not isinstance(folders, list | tuple):
        return [Error("GOV_DISCLOSURE['STANDARD_CATALOGUE_DIRS'] 应为文件夹路径的列表。",
                      id="gov_disclosure.E030")]  # fmt: skip
    errors = [
        Error(f"标准目录模板文件夹不存在：{folder}", id="gov_disclosure.E030")
        for folder in folders
        if not Path(folder).is_dir()
    ]
    if errors:
        return errors
    try:
        available_areas()
    except TemplateError as error:
        errors.append(Error(f"标准目录模板有误：{error}", id="gov_disclosure.E031"))
    return errors
