from .ratings import CommentState, Rating, Satisfaction, TargetKind

__all__ = ["CommentState", "Rating", "Satisfaction", "TargetKind"]
