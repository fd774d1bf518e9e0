#pragma once

#include <QStringList>

class QWidget;

// Finds text that does not fit where it is shown: every visible QLabel (single-line, not
// word-wrapped), button, tab, horizontal header section, group box title and menu-bar entry
// under `root`. Returns one line per offender ("kind 'text': needs N px, has M px").
namespace ClippedText {

QStringList find(QWidget *root);

} // namespace ClippedText
