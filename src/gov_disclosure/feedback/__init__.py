"""What the public says back: satisfaction with items and letter answers (满意度)."""
