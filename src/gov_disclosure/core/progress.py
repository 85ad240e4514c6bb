"""Progress of long management commands: one updating line on a terminal, every
``step``-th line in a log."""


class ProgressPrinter:
    def __init__(self, stdout, *, step: int):
        self.stdout = stdout
        self.step = step
        self.interactive = stdout.isatty()

    def __call__(self, done: int, total: int, label: str = "") -> None:
        if self.interactive:
            self.stdout.write(f"\r  [{done:>3}/{total}] {label[:40]:<40}", ending="")
            self.stdout.flush()
        elif done % self.step == 0 or done == total:
            self.stdout.write(f"  [{done}/{total}] {label}".rstrip())

    def finish(self) -> None:
        if self.interactive:
            self.stdout.write("")
