#include "onewindow/ui/LocalisedFileModel.h"

#include <QFileDialog>
#include <QFileSystemModel>
#include <QLocale>

namespace ow::ui {

namespace {

constexpr int kDateColumn = 3; // QFileSystemModel: name, size, type, date modified

} // namespace

QVariant LocalisedFileModel::data(const QModelIndex &index, int role) const
{
    if (role == Qt::DisplayRole && index.column() == kDateColumn) {
        if (const auto *files = qobject_cast<const QFileSystemModel *>(sourceModel()))
            return QLocale().toString(files->lastModified(mapToSource(index)), QLocale::ShortFormat);
    }
    return QIdentityProxyModel::data(index, role);
}

void LocalisedFileModel::localise(QFileDialog *dialog)
{
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->setProxyModel(new LocalisedFileModel(dialog));
}

QStringList LocalisedFileModel::openFileNames(QWidget *parent, const QString &caption, const QString &filter)
{
    QFileDialog dialog(parent, caption, QString(), filter);
    dialog.setFileMode(QFileDialog::ExistingFiles);
    localise(&dialog);
    return dialog.exec() == QDialog::Accepted ? dialog.selectedFiles() : QStringList();
}

QString LocalisedFileModel::saveFileName(QWidget *parent, const QString &caption, const QString &filter)
{
    QFileDialog dialog(parent, caption, QString(), filter);
    dialog.setAcceptMode(QFileDialog::AcceptSave);
    localise(&dialog);
    return dialog.exec() == QDialog::Accepted && !dialog.selectedFiles().isEmpty() ? dialog.selectedFiles().first()
                                                                                   : QString();
}

} // namespace ow::ui
