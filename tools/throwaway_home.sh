#!/bin/sh
# For tools/screenshots.sh: QGIS's home seen as /home/analyst, everything written there kept in a temporary folder.
#   unshare -m tools/throwaway_home.sh FOLDER COMMAND [ARG...]     (unshare -r -m as a user: a user namespace)
# In the mount namespace of its own that unshare gives it, /home becomes a tmpfs holding the real /home's folders
# (bound: a checkout or data under /home stay where they are) and /home/analyst, bound from FOLDER/home/analyst
# (a real /home/analyst is hidden, not used); then COMMAND runs there.  Nothing is mounted outside the
# namespace and nothing is written into the real /home.  Refuses to run in its caller's mount namespace.
set -e
if [ "$#" -lt 2 ] || [ ! -d "$1/home/analyst" ]; then
  echo "usage: unshare -m $0 FOLDER COMMAND [ARG...]   (FOLDER/home/analyst: the home's folder)" >&2
  exit 2
fi
# unshare execs this script in the new namespace: its parent, the caller, is still in the old one
if [ "$(readlink /proc/self/ns/mnt)" = "$(readlink "/proc/$PPID/ns/mnt" 2>/dev/null)" ]; then
  echo "$0: not in a mount namespace of its own: run it through unshare -m (or unshare -r -m)." >&2
  exit 2
fi
T=$1
shift
mkdir -p "$T/realhome"
mount --rbind /home "$T/realhome"
mount -t tmpfs -o mode=755 caim-home /home
for d in "$T"/realhome/*; do
  n=${d##*/}
  if [ -d "$d" ] && [ "$n" != analyst ]; then
    mkdir "/home/$n"
    mount --rbind "$d" "/home/$n"
  fi
done
mkdir /home/analyst
mount --bind "$T/home/analyst" /home/analyst
umount -l "$T/realhome"
exec "$@"
