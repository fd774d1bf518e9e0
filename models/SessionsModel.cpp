#include "SessionsModel.h"

#include "cache/CacheReader.h"

#include <QPainter>
#include <QPixmap>

SessionsModel::SessionsModel(CacheReader *reader, QObject *parent)
    : KeyedRowsModel<QAbstractListModel>(parent)
    , m_reader(reader)
{
}

void SessionsModel::refresh()
{
    const QList<CachedSession> fresh = m_reader ? m_reader->sessions() : QList<CachedSession>();
    if (m_reader && !m_reader->lastError().isEmpty())
        return; // a failed read keeps what is shown rather than emptying the list
    updateRows(
        m_rows, fresh, [](const CachedSession &s) { return s.session.id; },
        [](const CachedSession &a, const CachedSession &b) {
            return a.session.status == b.session.status && a.session.label == b.session.label
                && a.session.phoneNumber == b.session.phoneNumber;
        });
}

void SessionsModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

int SessionsModel::rowOfSession(const QString &id) const
{
    for (int i = 0; i < m_rows.size(); ++i)
        if (m_rows.at(i).session.id == id)
            return i;
    return -1;
}

std::optional<CachedSession> SessionsModel::sessionAt(int row) const
{
    if (row < 0 || row >= m_rows.size())
        return std::nullopt;
    return m_rows.at(row);
}

QString SessionsModel::statusText(const QString &status)
{
    if (status == QLatin1String("working"))
        return tr("Connected");
    if (status == QLatin1String("starting"))
        return tr("Starting: not connected yet");
    if (status == QLatin1String("scan_qr_code"))
        return tr("Waiting for a QR code scan: not connected");
    if (status == QLatin1String("failed"))
        return tr("Failed: not connected");
    if (status == QLatin1String("stopped"))
        return tr("Stopped: not connected");
    if (status == QLatin1String("logged_out"))
        return tr("Logged out of WhatsApp: not connected");
    return tr("Status unknown (added by id; this token cannot list sessions)");
}

QColor SessionsModel::badgeColor(const QString &status)
{
    if (status == QLatin1String("working"))
        return QColor(0x2e, 0x9e, 0x4f);
    if (status == QLatin1String("starting") || status == QLatin1String("scan_qr_code"))
        return QColor(0xd9, 0x9a, 0x1e);
    if (status == QLatin1String("failed") || status == QLatin1String("logged_out"))
        return QColor(0xc8, 0x3a, 0x32);
    return QColor(0x8a, 0x8a, 0x8a);
}

int SessionsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

QVariant SessionsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const CachedSession &s = m_rows.at(index.row());
    const QString status = s.session.status;
    switch (role) {
    case Qt::DisplayRole: {
        const QString label = s.session.label.value_or(s.session.id);
        const QString phone = s.session.phoneNumber.value_or(QString());
        return phone.isEmpty() ? label : tr("%1 (%2)").arg(label, phone);
    }
    case Qt::ToolTipRole:
        return tr("%1\n%2").arg(s.session.id, statusText(status));
    case Qt::DecorationRole: {
        // A round badge in the status colour, drawn once per call: the list is short.
        QPixmap pix(12, 12);
        pix.fill(Qt::transparent);
        QPainter p(&pix);
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(Qt::NoPen);
        p.setBrush(badgeColor(status));
        p.drawEllipse(1, 1, 10, 10);
        return pix;
    }
    case SessionIdRole:
        return s.session.id;
    case StatusRole:
        return status;
    case StatusTextRole:
        return statusText(status);
    case BadgeColorRole:
        return badgeColor(status);
    case ConnectedRole:
        return status == QLatin1String("working");
    case PhoneRole:
        return s.session.phoneNumber.value_or(QString());
    }
    return {};
}

OptInt SessionsModel::lastCompleteSyncAt(const QString &id) const
{
    return m_reader ? m_reader->lastCompleteSyncAt(id) : OptInt();
}
