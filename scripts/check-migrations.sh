#!/usr/bin/env bash
# Fails when the model and any provider's migrations differ (a change to the model without scripts/add-migration.sh),
# and writes SQL Server's idempotent script, which needs no server, as a check that its migrations generate SQL.
# Expects the solution to be built already (Release by default: CONFIGURATION=Debug to change).
set -euo pipefail
cd "$(dirname "$0")/.."
configuration=${CONFIGURATION:-Release}
dotnet tool restore >/dev/null
for provider in Sqlite SqlServer PostgreSql; do
  project=migrations/AwardVote.Migrations.$provider
  if ! ls "$project"/Migrations/*.cs >/dev/null 2>&1; then
    echo "migrations: $provider has no migrations in $project/Migrations" >&2
    exit 1
  fi
  echo "migrations: checking $provider"
  dotnet ef migrations has-pending-model-changes --project "$project" --startup-project "$project" \
    --configuration "$configuration" --no-build
done
mkdir -p artifacts
dotnet ef migrations script --idempotent --project migrations/AwardVote.Migrations.SqlServer \
  --startup-project migrations/AwardVote.Migrations.SqlServer --configuration "$configuration" --no-build \
  --output artifacts/sqlserver-migrations.sql >/dev/null
echo "migrations: every provider matches the model; SQL Server script in artifacts/sqlserver-migrations.sql"
