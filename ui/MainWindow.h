#pragma once

#include <QMainWindow>

// The console's main window. It grows with the GUI issue; for now it is the empty shell
// that ./run demo opens.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
};
