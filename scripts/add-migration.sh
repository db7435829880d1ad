#!/usr/bin/env bash
# Adds the migration NAME to the migrations project of every provider (SQLite, SQL Server, PostgreSQL), so that the
# three stay in step with the one model. Usage: scripts/add-migration.sh NAME
set -euo pipefail
cd "$(dirname "$0")/.."
name=${1:?usage: scripts/add-migration.sh NAME}
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project=migrations/AwardVote.Migrations.$provider
  echo "== $provider"
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
