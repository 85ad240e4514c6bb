class SearchEngineUnavailable(Exception):
    """The engine could not be reached or refused the request; indexing retries later."""
