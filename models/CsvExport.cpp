#include "CsvExport.h"

#include "cache/CacheReader.h"

#include <QAbstractItemModel>
#include <QCoreApplication>
#include <QIODevice>

namespace CsvExport {

QString cell(const QString &text)
{
    QString t = text;
    if (!t.isEmpty() && QStringLiteral("=+-@\t\r").contains(t.front()))
        t.prepend(QLatin1Char('\''));
    if (t.contains(QLatin1Char(',')) || t.contains(QLatin1Char('"'))
        || t.contains(QLatin1Char('\n')) || t.contains(QLatin1Char('\r'))
        || t.contains(QLatin1Char('\''))) {
        t.replace(QLatin1String("\""), QLatin1String("\"\""));
        return QLatin1Char('"') + t + QLatin1Char('"');
    }
    return t;
}

namespace {
bool writeLine(QIODevice *out, const QStringList &cells, QString *error)
{
    QStringList quoted;
    quoted.reserve(cells.size());
    for (const QString &c : cells)
        quoted << cell(c);
    const QByteArray line = (quoted.join(QLatin1Char(',')) + QLatin1String("\r\n")).toUtf8();
    if (out->write(line) != line.size()) {
        if (error)
            *error = out->errorString();
        return false;
    }
    return true;
}
QString opt(const OptString &s)
{
    return s.value_or(QString());
}
QString optInt(const OptInt &i)
{
    return i ? QString::number(*i) : QString();
}
} // namespace

qint64 writeContacts(CacheReader &reader, const ContactFilter &filter, QIODevice *out,
                     QString *error)
{
    // Column names stay English in every language: they are data for spreadsheets and
    // scripts that read the file by column name, not text for the person at the screen.
    if (!writeLine(out,
                   {QStringLiteral("lid"), QStringLiteral("name"), QStringLiteral("phone"),
                    QStringLiteral("phone_jid"), QStringLiteral("business_name"),
                    QStringLiteral("source"), QStringLiteral("first_seen_at"),
                    QStringLiteral("updated_at")},
                   error))
        return -1;
    qint64 rows = 0;
    QString cursor;
    do {
        const std::optional<ContactPage> page = reader.contacts(filter, cursor, 500);
        if (!page) {
            if (error)
                *error = reader.lastError();
            return -1;
        }
        for (const CachedContact &c : page->rows) {
            if (!writeLine(out,
                           {c.contact.lid, opt(c.contact.name), opt(c.contact.phoneNumber),
                            opt(c.phoneJid), opt(c.contact.businessName), c.contact.source,
                            optInt(c.firstSeenAt), optInt(c.updatedAt)},
                           error))
                return -1;
            ++rows;
        }
        cursor = page->rows.isEmpty() ? QString() : page->nextCursor;
    } while (!cursor.isEmpty());
    return rows;
}

qint64 writeModel(const QAbstractItemModel &model, QIODevice *out, QString *error)
{
    QStringList header;
    for (int c = 0; c < model.columnCount(); ++c)
        header << model.headerData(c, Qt::Horizontal).toString();
    if (!writeLine(out, header, error))
        return -1;
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < model.columnCount(); ++c)
            cells << model.index(r, c).data().toString();
        if (!writeLine(out, cells, error))
            return -1;
    }
    return model.rowCount();
}

} // namespace CsvExport
