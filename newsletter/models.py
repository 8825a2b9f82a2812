# Subscribers and their consent proof arrive with the newsletter issue.
