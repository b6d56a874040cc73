#!/usr/bin/env bash
# npm run stop: stops everything `npm start` and `npm test` started.
exec bash "$(dirname "$0")/stack/down.sh"
