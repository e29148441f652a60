#!/bin/sh
# GitHub self-hosted runner hook: before each job, remove what crashed jobs
# left on this machine's Docker daemon (`docker-nest reap`): nests whose job
# process (Runner.Worker) has ended, or whose expiry has passed. Never
# anything unlabelled, never a live job's nest, never a cache volume.
#
# Install: in the runner's .env file (next to ./run.sh), then restart it:
#   ACTIONS_RUNNER_HOOK_JOB_STARTED=/opt/docker-nest/runner/github/job-started.sh
# The CLI: DOCKER_NEST_CLI (e.g. "node /opt/docker-nest/dist/cli/index.js"),
# else docker-nest on PATH.
#
# A hook that exits non-zero fails the job, so this one never does: reaping
# is housekeeping, the job must not pay for it.
set -u
if [ -n "${DOCKER_NEST_CLI:-}" ]; then
  # shellcheck disable=SC2086 # a command with arguments, split on purpose
  set -- $DOCKER_NEST_CLI
elif command -v docker-nest >/dev/null 2>&1; then
  set -- docker-nest
else
  echo "docker-nest hook: no docker-nest CLI (set DOCKER_NEST_CLI or put docker-nest on PATH); not reaping." >&2
  exit 0
fi
if command -v timeout >/dev/null 2>&1; then
  set -- timeout "${DOCKER_NEST_REAP_TIMEOUT:-120}" "$@"
fi
"$@" reap || echo "docker-nest hook: reap exited with $?; the job goes on." >&2
exit 0
