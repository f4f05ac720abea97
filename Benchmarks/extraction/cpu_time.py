#!/usr/bin/env python3
"""Runs a command and writes its CPU seconds (user + system, children included) and wall
seconds to a file as JSON, so a benchmark on a shared machine can compare tools by the
work they do, not by how busy the machine was.

  cpu_time.py OUT.json -- COMMAND ARG...   (the command's stdout/stderr pass through)
"""
import json, resource, subprocess, sys, time

out = sys.argv[1]
command = sys.argv[sys.argv.index('--') + 1:]
start = time.monotonic()
status = subprocess.call(command)
wall = time.monotonic() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
json.dump({'cpu': round(usage.ru_utime + usage.ru_stime, 2), 'wall': round(wall, 2), 'status': status}, open(out, 'w'))
