-- Make the function app's managed identity a user of the Azure SQL database.
-- Bicep cannot run T-SQL, so this runs after provisioning: the azd postprovision hook
-- (infra/scripts/grant-sql-access.sh) runs it with sqlcmd, or run it by hand as the
-- server's Entra ID admin, connected to the app database (not master):
--
--   sqlcmd -S <server>.database.windows.net -d <database> \
--     --authentication-method ActiveDirectoryDefault \
--     -v APP_IDENTITY_NAME="<function-app-name>" -i infra/sql/grant-app-identity.sql
--
-- APP_IDENTITY_NAME is the display name of the system-assigned identity, which is the
-- function app's name (output AZURE_FUNCTION_APP_NAME). The script is idempotent.
--
-- Roles: read/write data, and db_ddladmin so the app's migrations can create and alter
-- its tables at start. Drop db_ddladmin once the schema is stable if you run migrations
-- another way.

SET NOCOUNT ON;

IF NOT EXISTS (SELECT 1 FROM sys.database_principals WHERE name = N'$(APP_IDENTITY_NAME)')
BEGIN
    CREATE USER [$(APP_IDENTITY_NAME)] FROM EXTERNAL PROVIDER;
    PRINT 'Created database user $(APP_IDENTITY_NAME)';
END
ELSE
    PRINT 'Database user $(APP_IDENTITY_NAME) already exists';

ALTER ROLE db_datareader ADD MEMBER [$(APP_IDENTITY_NAME)];
ALTER ROLE db_datawriter ADD MEMBER [$(APP_IDENTITY_NAME)];
ALTER ROLE db_ddladmin ADD MEMBER [$(APP_IDENTITY_NAME)];
PRINT 'Granted db_datareader, db_datawriter, db_ddladmin to $(APP_IDENTITY_NAME)';
GO
