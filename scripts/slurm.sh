#!/usr/bin/env bash
# Installs and starts a one-machine Slurm cluster for the Slurm engine's tests: munge, slurmctld and
# slurmd on this host, one partition "course", and two stand-in GPU device files so that
# `--gres=gpu:N` is scheduled as on a GPU node. Idempotent and non-interactive; leaves a running
# cluster alone. Needs root.
set -euo pipefail

[ "$(id -u)" = 0 ] || { echo "slurm: run as root (apt-get, munged, slurmctld)" >&2; exit 1; }

missing=()
for p in slurm-wlm munge; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "slurm: installing ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

host="$(hostname -s)"

# Authentication between the commands and the daemons.
if [ ! -s /etc/munge/munge.key ]; then
  dd if=/dev/urandom bs=1 count=1024 of=/etc/munge/munge.key status=none
fi
chown munge:munge /etc/munge/munge.key
chmod 0400 /etc/munge/munge.key
mkdir -p /run/munge /var/log/munge /var/lib/munge
chown munge:munge /run/munge /var/log/munge /var/lib/munge
if ! munge -n 2>/dev/null | unmunge >/dev/null 2>&1; then
  runuser -u munge -- munged --force
  for _ in $(seq 1 20); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.5; done
fi

# Two stand-in GPUs: Slurm checks that the configured device files exist (a count-only gres.conf is refused).
for i in 0 1; do
  [ -e "/dev/fakegpu$i" ] || mknod "/dev/fakegpu$i" c 1 3
done

mkdir -p /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
# The node line from what slurmd sees, with some memory kept back for the host itself.
read -r cpus memory < <(slurmd -C | awk '/^NodeName/ { for (i = 1; i <= NF; i++) { split($i, kv, "="); v[kv[1]] = kv[2] } print v["CPUs"], v["RealMemory"] }')
memory=$(( memory * 9 / 10 ))
config="$(cat <<EOF
ClusterName=course
SlurmctldHost=$host
SlurmUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_Core_Memory
GresTypes=gpu
ReturnToService=2
SchedulerType=sched/backfill
AccountingStorageType=accounting_storage/none
JobAcctGatherType=jobacct_gather/none
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
MinJobAge=600
KillWait=5
InactiveLimit=0
SlurmdTimeout=30
NodeName=$host CPUs=$cpus RealMemory=$memory Gres=gpu:2 State=UNKNOWN
PartitionName=course Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
)"
changed=0
if [ "$(cat /etc/slurm/slurm.conf 2>/dev/null)" != "$config" ]; then
  printf '%s\n' "$config" > /etc/slurm/slurm.conf
  changed=1
fi
gres="NodeName=$host Name=gpu File=/dev/fakegpu[0-1]"
if [ "$(cat /etc/slurm/gres.conf 2>/dev/null)" != "$gres" ]; then
  printf '%s\n' "$gres" > /etc/slurm/gres.conf
  changed=1
fi

running() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
if [ "$changed" = 1 ]; then
  running /run/slurmctld.pid && kill "$(cat /run/slurmctld.pid)" && sleep 1
  running /run/slurmd.pid && kill "$(cat /run/slurmd.pid)" && sleep 1
fi
running /run/slurmctld.pid || slurmctld
for _ in $(seq 1 30); do scontrol ping 2>/dev/null | grep -q UP && break; sleep 0.5; done
running /run/slurmd.pid || slurmd

# A node that registered before its configuration was complete, or that a test took down, comes back.
for _ in $(seq 1 30); do
  state="$(sinfo -h -n "$host" -o %T 2>/dev/null || true)"
  case "$state" in
    idle|mixed|allocated|completing) break ;;
    down*|drain*|fail*|unknown*|*\*) scontrol update nodename="$host" state=resume >/dev/null 2>&1 || true ;;
  esac
  sleep 1
done
state="$(sinfo -h -n "$host" -o %T 2>/dev/null || true)"
case "$state" in
  idle|mixed|allocated|completing) echo "slurm: ready (node $host $state, partition course, $(sinfo -V))" ;;
  *) echo "slurm: node $host is '$state', see /var/log/slurm/" >&2; exit 1 ;;
esac
