#!/bin/sh
# What the grader runs, on the course-python image that .course-image asks for: keep both, change train.py.
exec python3 /submission/train.py "$@"
