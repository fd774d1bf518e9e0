#include "cache/RowStatement.h"

#include <sqlite3.h>

#include <limits>

std::unique_ptr<RowStatement> RowStatement::prepare(sqlite3 *db, const QString &sql, QString *error)
{
    if (!db) {
        *error = QStringLiteral("The cache connection has no SQLite handle.");
        return nullptr;
    }
    std::unique_ptr<RowStatement> self(new RowStatement);
    self->m_db = db;
    const QByteArray utf8 = sql.toUtf8();
    if (sqlite3_prepare_v3(db, utf8.constData(), int(utf8.size()), SQLITE_PREPARE_PERSISTENT,
                           &self->m_statement, nullptr)
        != SQLITE_OK) {
        *error = QString::fromUtf8(sqlite3_errmsg(db));
        return nullptr;
    }
    for (int i = 1, n = sqlite3_bind_parameter_count(self->m_statement); i <= n; ++i) {
        if (const char *name = sqlite3_bind_parameter_name(self->m_statement, i))
            self->m_parameters.emplace_back(name, i);
    }
    return self;
}

RowStatement::~RowStatement()
{
    sqlite3_finalize(m_statement);
}

int RowStatement::indexOf(std::string_view name)
{
    for (const auto &[parameter, index] : m_parameters) {
        if (parameter == name)
            return index;
    }
    m_bindError = QStringLiteral("internal: the statement has no parameter %1")
                      .arg(QLatin1String(name.data(), qsizetype(name.size())));
    return 0;
}

void RowStatement::bind(std::string_view name, qint64 value)
{
    if (const int index = indexOf(name))
        sqlite3_bind_int64(m_statement, index, value);
}

void RowStatement::bindText(std::string_view name, std::string_view utf8)
{
    const int index = indexOf(name);
    if (!index)
        return;
    if (utf8.size() > size_t(std::numeric_limits<int>::max()))
        m_bindError = QStringLiteral("A text of %1 bytes is too long to store.").arg(utf8.size());
    else if (utf8.data())
        sqlite3_bind_text(m_statement, index, utf8.data(), int(utf8.size()), SQLITE_STATIC);
    else
        sqlite3_bind_null(m_statement, index);
}

void RowStatement::bind(std::string_view name, const QVariant &value)
{
    const int index = indexOf(name);
    if (!index)
        return;
    if (value.isNull()) {
        sqlite3_bind_null(m_statement, index);
        return;
    }
    switch (value.metaType().id()) {
    case QMetaType::QString: {
        const QString &text = *static_cast<const QString *>(value.constData());
        if (text.isNull()) {
            sqlite3_bind_null(m_statement, index);
        } else {
            const QByteArray utf8 = text.toUtf8();
            sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()),
                              SQLITE_TRANSIENT);
        }
        return;
    }
    case QMetaType::Bool:
    case QMetaType::Int:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::LongLong:
    case QMetaType::ULongLong:
        sqlite3_bind_int64(m_statement, index, value.toLongLong());
        return;
    default: {
        const QByteArray utf8 = value.toString().toUtf8();
        sqlite3_bind_text(m_statement, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return;
    }
    }
}

bool RowStatement::exec(QString *error)
{
    m_changes = 0;
    m_insertedRowId = 0;
    if (!m_bindError.isEmpty()) {
        *error = std::exchange(m_bindError, QString());
        finish();
        return false;
    }
    // The connection's last inserted rowid is left as is by a statement that inserts nothing.
    sqlite3_set_last_insert_rowid(m_db, 0);
    int rc = SQLITE_ROW;
    while (rc == SQLITE_ROW)
        rc = sqlite3_step(m_statement);
    if (rc != SQLITE_DONE) {
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
        finish();
        return false;
    }
    m_changes = sqlite3_changes64(m_db);
    m_insertedRowId = sqlite3_last_insert_rowid(m_db);
    finish();
    return true;
}

bool RowStatement::next(QString *error)
{
    if (!m_bindError.isEmpty()) {
        *error = std::exchange(m_bindError, QString());
        finish();
        return false;
    }
    const int rc = sqlite3_step(m_statement);
    if (rc == SQLITE_ROW)
        return true;
    if (rc != SQLITE_DONE)
        *error = QString::fromUtf8(sqlite3_errmsg(m_db));
    finish();
    return false;
}

bool RowStatement::isNull(int column) const
{
    return sqlite3_column_type(m_statement, column) == SQLITE_NULL;
}

qint64 RowStatement::int64(int column) const
{
    return sqlite3_column_int64(m_statement, column);
}

QString RowStatement::text(int column) const
{
    const auto *utf8 = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, column));
    if (!utf8)
        return {};
    return QString::fromUtf8(utf8, sqlite3_column_bytes(m_statement, column));
}

std::optional<QString> RowStatement::optText(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return text(column);
}

std::optional<qint64> RowStatement::optInt64(int column) const
{
    if (isNull(column))
        return std::nullopt;
    return int64(column);
}

void RowStatement::finish()
{
    sqlite3_reset(m_statement);
    sqlite3_clear_bindings(m_statement);
}
