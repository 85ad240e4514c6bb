# The office of tests/review: two categories (工作动态 04, 财政信息 05), a user per role and
# a district user; ``other_office`` is a second agency's.
from tests.review.conftest import office, other_office  # noqa: F401
