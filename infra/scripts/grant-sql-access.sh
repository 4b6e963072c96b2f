#!/usr/bin/env sh
# azd postprovision hook: make the function app's managed identity a user of the Azure SQL
# database (infra/sql/grant-app-identity.sql). Bicep cannot run T-SQL, hence this step.
#
# Needs: go-sqlcmd (https://aka.ms/go-sqlcmd, supports --authentication-method) and a login
# that can get an Entra token for Azure SQL (az login / azd auth login); you must be the
# server's Entra ID admin (main.bicep makes the deploying principal the admin).
# Reads (azd sets them from the Bicep outputs): AZURE_SQL_SERVER, AZURE_SQL_DATABASE,
# AZURE_FUNCTION_APP_NAME; optional AZURE_SQL_SERVER_NAME + AZURE_RESOURCE_GROUP to open the
# firewall for this machine with az. Run by hand too: it reads the same variables, or
# `azd env get-values` when azd is installed.
set -eu

here=$(CDPATH= cd -- "$(dirname -- "$0")" && pwd)
sql_file="$here/../sql/grant-app-identity.sql"

# Outside azd hooks, load the environment's values if azd is around.
if [ -z "${AZURE_SQL_SERVER:-}" ] && command -v azd >/dev/null 2>&1; then
  eval "$(azd env get-values 2>/dev/null | sed -n 's/^\(AZURE_[A-Z_]*\)=\(.*\)$/export \1=\2/p')" || true
fi

server="${AZURE_SQL_SERVER:-}"
database="${AZURE_SQL_DATABASE:-}"
app="${AZURE_FUNCTION_APP_NAME:-}"

if [ -z "$server" ] || [ -z "$database" ] || [ -z "$app" ]; then
  echo "grant-sql-access: AZURE_SQL_SERVER, AZURE_SQL_DATABASE and AZURE_FUNCTION_APP_NAME must be set (run after provisioning)." >&2
  exit 1
fi

if ! command -v sqlcmd >/dev/null 2>&1; then
  echo "grant-sql-access: sqlcmd not found - skipping the database grant."
  echo "  Install go-sqlcmd (https://aka.ms/go-sqlcmd), then run: sh infra/scripts/grant-sql-access.sh"
  echo "  or run infra/sql/grant-app-identity.sql as the SQL Entra admin with APP_IDENTITY_NAME=$app"
  echo "  (server $server, database $database). Until then the app cannot open the database."
  exit 0
fi

# Open the SQL firewall for this machine when az is available and the rule is not there yet.
if [ "${SKIP_SQL_CLIENT_FIREWALL_RULE:-}" != "true" ] && command -v az >/dev/null 2>&1 \
  && [ -n "${AZURE_SQL_SERVER_NAME:-}" ] && [ -n "${AZURE_RESOURCE_GROUP:-}" ]; then
  ip="${AZURE_CLIENT_IP:-}"
  if [ -z "$ip" ] && command -v curl >/dev/null 2>&1; then
    ip=$(curl -fsS --max-time 10 https://api.ipify.org 2>/dev/null || true)
  fi
  if [ -n "$ip" ]; then
    echo "grant-sql-access: allowing $ip through the firewall of $AZURE_SQL_SERVER_NAME (rule azd-client)"
    az sql server firewall-rule create --resource-group "$AZURE_RESOURCE_GROUP" --server "$AZURE_SQL_SERVER_NAME" \
      --name azd-client --start-ip-address "$ip" --end-ip-address "$ip" --output none \
      || echo "grant-sql-access: could not add the firewall rule; continuing (set clientIpAddress in main.bicep instead)" >&2
  fi
fi

echo "grant-sql-access: granting database access to the managed identity '$app' on $server/$database"
# A paused serverless database wakes on the first login, which can take a minute: retry.
attempt=1
until sqlcmd -S "tcp:$server,1433" -d "$database" --authentication-method ActiveDirectoryDefault \
  -l 60 -b -v APP_IDENTITY_NAME="$app" -i "$sql_file"; do
  if [ "$attempt" -ge 3 ]; then
    echo "grant-sql-access: sqlcmd failed $attempt times. Check that you are the SQL Entra admin and that your IP is allowed by the server firewall." >&2
    exit 1
  fi
  attempt=$((attempt + 1))
  echo "grant-sql-access: retrying in 20 s (attempt $attempt of 3; the database may be resuming from auto-pause)"
  sleep 20
done
echo "grant-sql-access: done"
