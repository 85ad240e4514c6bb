"""What the public says back: satisfaction with items and letter answers (满意度), and
proposals of what the office should disclose (群众点题)."""
