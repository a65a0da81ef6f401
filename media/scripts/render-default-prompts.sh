#!/usr/bin/env bash
# Renders Tandem's default prompt set into media/src/main/resources/io/tandem/media/prompts/:
# the spoken prompts with espeak-ng (Debian package espeak-ng, `apt-get install -y espeak-ng`), the
# music on hold from its generator. Run it after changing a text in DefaultPromptTexts or the
# generator in MusicOnHold, listen, and commit the WAV files. Output depends only on the espeak-ng
# version (1.51 made the committed files) and the code.
set -euo pipefail
cd "$(dirname "$0")/../.."

source scripts/select-jdk.sh
command -v espeak-ng >/dev/null 2>&1 || { echo "espeak-ng is not installed (apt-get install -y espeak-ng)" >&2; exit 1; }
echo "Rendering with $(espeak-ng --version)"

./mvnw -B -q -pl media compile
"$JAVA_HOME/bin/java" -cp media/target/classes io.tandem.media.prompts.RenderDefaultPrompts \
  media/src/main/resources/io/tandem/media/prompts
