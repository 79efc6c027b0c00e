// The system's libpq (Debian: libpq-dev), PostgreSQL's own client library: it reads
// postgres:// URLs, PGPASSFILE and ~/.pgpass itself. Only FrontlinePostgres imports it.
#include <postgresql/libpq-fe.h>
