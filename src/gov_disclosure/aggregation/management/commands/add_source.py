import os

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from gov_disclosure.aggregation.services import source_add


class Command(BaseCommand):
    help = "添加汇聚来源（区级平台）。API 密钥从环境变量读取，不写在命令行里。"

    def add_arguments(self, parser):
        parser.add_argument("name", help="来源名称，例如：庄市街道")
        parser.add_argument(
            "base_url", help="来源站点根地址，例如 https://zhuangshi.example.gov.cn"
        )
        parser.add_argument("--api-key-env", help="存放 API 密钥的环境变量名")

    def handle(self, *args, name, base_url, api_key_env=None, **options):
        api_key = ""
        if api_key_env:
            api_key = os.environ.get(api_key_env, "")
            if not api_key:
                raise CommandError(f"环境变量 {api_key_env} 为空")
        try:
            source = source_add(name=name, base_url=base_url, api_key=api_key)
        except ValidationError as error:
            raise CommandError("；".join(error.messages)) from error
        self.stdout.write(self.style.SUCCESS(f"已添加来源 {source.name}（{source.base_url}）"))
