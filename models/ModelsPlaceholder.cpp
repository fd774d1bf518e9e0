// The models arrive with the cache (issue: the console window).
