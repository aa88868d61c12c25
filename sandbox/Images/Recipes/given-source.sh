# Prepended to recipes that copy in something the course gives by path (a setting of section Sandbox, which
# the grader passes to the recipe as an environment variable). A path that is unset, is not a folder or lacks
# what the recipe needs exits 2 before anything is built: the grader reports it as bad input naming the setting.
given_folder() { # VARIABLE SETTING PATTERN: $VARIABLE must be a folder holding a file that matches PATTERN
  local variable="$1" setting="$2" pattern="$3"
  local folder="${!variable:-}"
  if [ -z "$folder" ]; then
    echo "$IMAGE needs $setting (environment variable ${setting/:/__}; $variable when this recipe runs by hand)" >&2
    exit 2
  fi
  if [ ! -d "$folder" ]; then
    echo "$IMAGE: $setting is $folder, which is not a folder" >&2
    exit 2
  fi
  if ! compgen -G "$folder/$pattern" >/dev/null; then
    echo "$IMAGE: $setting ($folder) holds no $pattern" >&2
    exit 2
  fi
}
