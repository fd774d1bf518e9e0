#pragma once

#include <QDialog>

class AuditModel;
class QTableView;

// The audit log (newest first, the last 1,000 entries) with export to CSV or JSON Lines.
class AuditDialog : public QDialog
{
    Q_OBJECT
public:
    AuditDialog(AuditModel *model, QWidget *parent = nullptr);

    void reload();
    // Writes the whole log to `path` (CSV unless it ends in .jsonl). False and *error on failure.
    bool exportTo(const QString &path, QString *error = nullptr);
    QTableView *view() const { return m_view; }

private:
    void askExport();

    AuditModel *m_model;
    QTableView *m_view;
};
