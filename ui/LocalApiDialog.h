#pragma once

#include <QDialog>
#include <QPointer>

class LocalApiService;
class QLabel;
class QLineEdit;
class QPushButton;

// Shows the local API's address and token so that a local app can be pointed at it: the
// token masked until asked for, copied to the clipboard in one click, and regenerated (after
// a confirmation: every app using the old one is refused from then on). Follows the signed-in
// profile's service as the window hands it over (setService). The token is only ever put in the
// field and the clipboard.
class LocalApiDialog : public QDialog
{
    Q_OBJECT
public:
    // `service` may be null (signed out, or not served); not owned.
    explicit LocalApiDialog(LocalApiService *service, QWidget *parent = nullptr);
    void setService(LocalApiService *service);

    QLineEdit *tokenField() const { return m_token; }
    QPushButton *showButton() const { return m_show; }
    QPushButton *copyButton() const { return m_copy; }
    QPushButton *regenerateButton() const { return m_regenerate; }
    QLabel *addressLabel() const { return m_address; }

private:
    void refresh();
    void askRegenerate();

    QPointer<LocalApiService> m_service;
    QString m_failure;
    QLabel *m_address = nullptr;
    QLineEdit *m_token = nullptr;
    QPushButton *m_show = nullptr;
    QPushButton *m_copy = nullptr;
    QPushButton *m_regenerate = nullptr;
    QLabel *m_discovery = nullptr;
};
