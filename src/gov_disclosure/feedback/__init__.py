"""What the public says back: satisfaction with items and letter answers (满意度),
proposals of what the office should disclose (群众点题) and the invited reviewers of
民主评议."""
