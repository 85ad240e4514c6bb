"""考核评估: the district's yearly rubric of indicators, each computed from the platform's
data (or entered by hand with evidence), scored per agency with the records behind
every number."""
