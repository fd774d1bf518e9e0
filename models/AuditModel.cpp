#include "AuditModel.h"

#include "DisplayText.h"
#include "cache/AuditLog.h"

AuditModel::AuditModel(AuditLog *log, QObject *parent)
    : KeyedRowsModel<QAbstractTableModel>(parent)
    , m_log(log)
{
    reload();
}

bool AuditModel::reload()
{
    if (!m_log)
        return false;
    AuditLog::Query q;
    q.limit = 1;
    const std::optional<QList<AuditEntry>> newest = m_log->list(q);
    if (!newest)
        return false;
    if (newest->value(0).id == m_entries.value(0).id)
        return true;
    q.limit = kMaxRows;
    const std::optional<QList<AuditEntry>> entries = m_log->list(q);
    if (!entries)
        return false;
    updateRows(
        m_entries, *entries, [](const AuditEntry &e) { return e.id; },
        [](const AuditEntry &, const AuditEntry &) { return true; }); // entries never change
    return true;
}

bool AuditModel::exportTo(QIODevice *out, bool jsonLines, QString *error)
{
    const bool ok = m_log
        && m_log->exportTo(out, jsonLines ? AuditLog::Format::JsonLines : AuditLog::Format::Csv);
    if (!ok && error)
        *error = m_log ? m_log->lastError() : tr("no audit log is open");
    return ok;
}

int AuditModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int AuditModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant AuditModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)
        || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    const AuditEntry &e = m_entries.at(index.row());
    switch (index.column()) {
    case When:
        return DisplayText::dateTime(e.at);
    case Profile:
        return e.profile;
    case Session:
        return e.sessionId;
    case Contact:
        return e.contact;
    case Action:
        return e.action;
    case Result:
        return role == Qt::ToolTipRole && !e.detail.isEmpty() ? e.detail : e.result;
    case RequestId:
        return e.requestId;
    case Origin:
        return AuditLog::originName(e.origin);
    default:
        return {};
    }
}

QVariant AuditModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case When:
        return tr("When");
    case Profile:
        return tr("Profile");
    case Session:
        return tr("Session");
    case Contact:
        return tr("Contact");
    case Action:
        return tr("Action");
    case Result:
        return tr("Result");
    case RequestId:
        return tr("Request id");
    case Origin:
        return tr("Origin");
    default:
        return {};
    }
}
