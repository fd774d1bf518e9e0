#pragma once

#include "cache/CacheTypes.h"

#include <QString>

class CacheReader;
class QAbstractItemModel;
class QIODevice;

// CSV (RFC 4180, header row; cells a spreadsheet would run as a formula get a leading "'").
namespace CsvExport {

QString cell(const QString &text);

// Every contact of the filter, read page by page with keyset cursors: memory stays flat at
// a million rows. Returns rows written, or -1 (and *error) on failure.
qint64 writeContacts(CacheReader &reader, const ContactFilter &filter, QIODevice *out,
                     QString *error = nullptr);

// A small model as shown (display role, horizontal headers).
qint64 writeModel(const QAbstractItemModel &model, QIODevice *out, QString *error = nullptr);

} // namespace CsvExport
