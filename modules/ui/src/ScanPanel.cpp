#include "onewindow/ui/ScanPanel.h"

#include "ui_ScanPanel.h"

#include "onewindow/intake/IntakeWorkflow.h"
#include "onewindow/scan/BarcodeReader.h"
#include "onewindow/scan/HotFolder.h"
#include "onewindow/scan/PageImporter.h"
#include "onewindow/scan/PageNormaliser.h"
#include "onewindow/scan/PdfAssembler.h"
#include "onewindow/scan/Scanner.h"
#include "onewindow/store/BlobStore.h"
#include "onewindow/ui/LocalisedFileModel.h"
#include "onewindow/ui/PdfArea.h"
#include "onewindow/ui/PdfPlugin.h"

#include <QEvent>
#include <QFileInfo>
#include <QShortcut>
#include <QThread>

namespace ow::ui {

using scan::Page;
using scan::Pages;

ScanPanel::ScanPanel(QWidget *parent)
    : QWidget(parent)
    , m_ui(std::make_unique<Ui::ScanPanel>())
    , m_stop(std::make_shared<std::atomic<bool>>(false))
{
    m_ui->setupUi(this);
    m_preview = std::make_unique<PdfArea>(m_ui->previewArea, QStringLiteral("previewView"), PdfPane::Layout::OnePage);
    m_ui->progressBar->setVisible(false);
    pickFiles = [this] {
        return LocalisedFileModel::openFileNames(this, tr("Import scanned pages"),
            tr("Scanned pages (%1)").arg(scan::PageImporter::nameFilters().join(u' ')));
    };
    connect(m_ui->materialCombo, &QComboBox::currentIndexChanged, this, [this] {
        refreshPages();
        refreshPreview();
    });
    connect(m_ui->thumbnailList, &QListWidget::currentRowChanged, this, [this](int row) {
        PdfPane *pane = m_preview->existing();
        if (pane && row >= 0 && row < pane->pageCount())
            pane->goToPage(row);
    });
    connect(m_ui->scanButton, &QPushButton::clicked, this, &ScanPanel::scan);
    connect(m_ui->importButton, &QPushButton::clicked, this, [this] {
        const QStringList files = pickFiles ? pickFiles() : QStringList();
        if (!files.isEmpty())
            importFiles(files);
    });
    connect(m_ui->attachButton, &QPushButton::clicked, this, [this] {
        const QString id = currentMaterial();
        const QString err = attach(id);
        if (!err.isEmpty())
            report(err);
    });
    connect(m_ui->moveLeftButton, &QToolButton::clicked, this, [this] { movePage(-1); });
    connect(m_ui->moveRightButton, &QToolButton::clicked, this, [this] { movePage(1); });
    connect(m_ui->rotateLeftButton, &QToolButton::clicked, this, [this] { rotatePage(-1); });
    connect(m_ui->rotateRightButton, &QToolButton::clicked, this, [this] { rotatePage(1); });
    connect(m_ui->deleteButton, &QToolButton::clicked, this, &ScanPanel::deletePage);
    setupShortcuts();
    refreshMaterials();
}

ScanPanel::~ScanPanel()
{
    m_stop->store(true);
    for (QThread *t : std::as_const(m_imports)) {
        t->wait();
        delete t;
    }
}

void ScanPanel::setupShortcuts()
{
    const auto key = [this](const QKeySequence &seq, QWidget *scope, const std::function<void()> &f) {
        auto *s = new QShortcut(seq, scope);
        s->setContext(Qt::WidgetWithChildrenShortcut);
        connect(s, &QShortcut::activated, this, f);
    };
    key(QKeySequence(Qt::CTRL | Qt::Key_Left), m_ui->thumbnailList, [this] { movePage(-1); });
    key(QKeySequence(Qt::CTRL | Qt::Key_Right), m_ui->thumbnailList, [this] { movePage(1); });
    key(QKeySequence(Qt::Key_BracketLeft), m_ui->thumbnailList, [this] { rotatePage(-1); });
    key(QKeySequence(Qt::Key_BracketRight), m_ui->thumbnailList, [this] { rotatePage(1); });
    key(QKeySequence(QKeySequence::Delete), m_ui->thumbnailList, [this] { deletePage(); });
    // On the preview's area: the view itself comes from the PDF plugin when first shown.
    QWidget *view = m_ui->previewArea;
    const auto zoomBy = [this](double f) {
        if (PdfPane *pane = m_preview->existing())
            pane->zoomBy(f);
    };
    key(QKeySequence(Qt::Key_Plus), view, [zoomBy] { zoomBy(1.25); });
    key(QKeySequence(Qt::Key_Equal), view, [zoomBy] { zoomBy(1.25); });
    key(QKeySequence(Qt::Key_Minus), view, [zoomBy] { zoomBy(0.8); });
    key(QKeySequence(Qt::Key_0), view, [this] {
        if (PdfPane *pane = m_preview->existing())
            pane->fitToWidth();
    });
    const auto turn = [this](int delta) {
        PdfPane *pane = m_preview->existing();
        if (!pane)
            return;
        const int page = std::clamp(pane->currentPage() + delta, 0, std::max(0, pane->pageCount() - 1));
        pane->goToPage(page);
        m_ui->thumbnailList->setCurrentRow(page);
    };
    key(QKeySequence(Qt::Key_PageDown), view, [turn] { turn(1); });
    key(QKeySequence(Qt::Key_PageUp), view, [turn] { turn(-1); });
}

void ScanPanel::setWorkflow(intake::IntakeWorkflow *workflow, const QString &dataDir)
{
    m_workflow = workflow;
    m_dataDir = dataDir;
    if (m_workflow) {
        connect(m_workflow, &intake::IntakeWorkflow::changed, this, [this] {
            // Another case (or none): the previous one's pages and messages go (issue 19).
            if (m_workflow->caseId() != m_caseId) {
                m_caseId = m_workflow->caseId();
                m_pages.clear();
                m_unattached.clear();
                m_ui->statusLabel->clear();
            }
            refreshMaterials();
        });
    }
    refreshMaterials();
}

void ScanPanel::setHotFolder(const QString &dir)
{
    delete m_hotFolder;
    m_hotFolder = nullptr;
    if (dir.isEmpty())
        return;
    m_hotFolder = new scan::HotFolder(dir, 1500, this);
    connect(m_hotFolder, &scan::HotFolder::fileReady, this, [this](const QString &path) { importFiles({path}); });
    if (!m_hotFolder->start())
        report(tr("The folder %1 cannot be watched for scanned pages.").arg(dir));
}

QString ScanPanel::currentMaterial() const
{
    return m_ui->materialCombo->currentData().toString();
}

void ScanPanel::selectMaterial(const QString &materialId)
{
    const int i = m_ui->materialCombo->findData(materialId);
    if (i >= 0)
        m_ui->materialCombo->setCurrentIndex(i);
}

void ScanPanel::setSupplementLines(const QList<QPair<QString, QString>> &lines, const QString &dataDir,
    std::function<QString(const QString &material, const QString &sha256, int pages)> stored)
{
    m_supplementLines = lines;
    m_stored = std::move(stored);
    m_dataDir = dataDir;
    m_pages.clear();
    m_unattached.clear();
    m_ui->statusLabel->clear();
    refreshMaterials();
}

void ScanPanel::refreshMaterials()
{
    const QString current = currentMaterial();
    QSignalBlocker block(m_ui->materialCombo);
    m_ui->materialCombo->clear();
    for (const auto &line : std::as_const(m_supplementLines)) {
        const int count = m_pages.count(line.first);
        QString label = line.second;
        if (count > 0)
            label += m_unattached.contains(line.first) ? tr(" (%n page(s))", nullptr, count)
                                                       : tr(" (%n page(s), attached)", nullptr, count);
        m_ui->materialCombo->addItem(label, line.first);
    }
    if (m_supplementLines.isEmpty() && m_workflow && m_workflow->hasCase() && m_workflow->hasChecklist()) {
        for (const checklist::MaterialLine &l : m_workflow->checklist().materials) {
            const int count = m_pages.count(l.id);
            const bool attached = m_workflow->documents().contains(l.id) && !m_unattached.contains(l.id);
            QString label = l.name;
            if (count > 0)
                label += attached ? tr(" (%n page(s), attached)", nullptr, count) : tr(" (%n page(s))", nullptr, count);
            else if (m_workflow->documents().contains(l.id))
                label += tr(" (attached)");
            m_ui->materialCombo->addItem(label, l.id);
        }
    }
    const int i = m_ui->materialCombo->findData(current);
    m_ui->materialCombo->setCurrentIndex(i >= 0 ? i : (m_ui->materialCombo->count() > 0 ? 0 : -1));
    const bool hasMaterial = m_ui->materialCombo->count() > 0;
    m_ui->scanButton->setEnabled(hasMaterial && !(m_scanner && m_scanner->busy()));
    m_ui->importButton->setEnabled(hasMaterial);
    refreshPages();
    refreshPreview();
}

void ScanPanel::refreshPages()
{
    const int row = m_ui->thumbnailList->currentRow();
    m_ui->thumbnailList->clear();
    const Pages &list = m_pages.pages(currentMaterial());
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QImage thumb = list.at(i)
                                 .image.convertToFormat(QImage::Format_RGB32)
                                 .scaled(90, 128, Qt::KeepAspectRatio, Qt::SmoothTransformation);
        auto *item = new QListWidgetItem(QIcon(QPixmap::fromImage(thumb)), tr("Page %1").arg(i + 1));
        item->setToolTip(tr("%1, page %2").arg(list.at(i).origin).arg(list.at(i).originPage));
        m_ui->thumbnailList->addItem(item);
    }
    if (!list.isEmpty())
        m_ui->thumbnailList->setCurrentRow(std::clamp(row, 0, int(list.size()) - 1));
    const bool any = !list.isEmpty();
    for (QWidget *w : {static_cast<QWidget *>(m_ui->moveLeftButton), static_cast<QWidget *>(m_ui->moveRightButton),
             static_cast<QWidget *>(m_ui->rotateLeftButton), static_cast<QWidget *>(m_ui->rotateRightButton),
             static_cast<QWidget *>(m_ui->deleteButton), static_cast<QWidget *>(m_ui->attachButton)})
        w->setEnabled(any);
}

void ScanPanel::refreshPreview()
{
    const Pages &list = m_pages.pages(currentMaterial());
    if (list.isEmpty()) {
        if (PdfPane *pane = m_preview->existing())
            pane->setPdf({});
        return;
    }
    const auto pdf = scan::PdfAssembler::assemble(list, m_ui->materialCombo->currentText());
    if (!pdf) {
        report(pdf.error());
        return;
    }
    PdfPane *pane = m_preview->pane(); // a message in its place without the PDF plugin
    if (!pane)
        return;
    pane->setPdf(pdf.value());
    const int row = std::max(0, m_ui->thumbnailList->currentRow());
    pane->goToPage(std::min(row, std::max(0, pane->pageCount() - 1)));
}

int ScanPanel::previewPageCount() const
{
    const PdfPane *pane = m_preview->existing();
    return pane ? pane->pageCount() : 0;
}

void ScanPanel::addPages(const QString &materialId, const Pages &pages)
{
    if (materialId.isEmpty() || pages.isEmpty())
        return;
    m_pages.append(materialId, pages);
    m_unattached.insert(materialId);
    if (materialId == currentMaterial()) {
        refreshPages();
        refreshPreview();
    }
    refreshMaterials();
}

int ScanPanel::currentPage() const
{
    return m_ui->thumbnailList->currentRow();
}

void ScanPanel::movePage(int delta)
{
    const int from = currentPage();
    if (m_pages.move(currentMaterial(), from, from + delta)) {
        m_unattached.insert(currentMaterial());
        refreshPages();
        m_ui->thumbnailList->setCurrentRow(from + delta);
        refreshPreview();
    }
}

void ScanPanel::rotatePage(int quarterTurns)
{
    const int row = currentPage();
    if (m_pages.rotate(currentMaterial(), row, quarterTurns)) {
        m_unattached.insert(currentMaterial());
        refreshPages();
        m_ui->thumbnailList->setCurrentRow(row);
        refreshPreview();
    }
}

void ScanPanel::deletePage()
{
    const int row = currentPage();
    if (m_pages.remove(currentMaterial(), row)) {
        m_unattached.insert(currentMaterial());
        refreshMaterials();
        report({}, tr("Page %1 deleted.").arg(row + 1));
    }
}

void ScanPanel::setBusy(bool on)
{
    m_busyJobs += on ? 1 : -1;
    m_ui->progressBar->setVisible(m_busyJobs > 0);
    if (m_busyJobs == 0)
        m_ui->progressBar->setValue(0);
    Q_EMIT busyChanged(m_busyJobs > 0);
}

void ScanPanel::report(const QString &error, const QString &success)
{
    m_ui->statusLabel->setText(error.isEmpty() ? success : error);
    m_ui->statusLabel->setStyleSheet(
        error.isEmpty() ? QStringLiteral("color:#1b7f3b;") : QStringLiteral("color:#b00020;"));
    Q_EMIT reported(error, success);
}

void ScanPanel::scan()
{
    const QString target = currentMaterial();
    if (target.isEmpty())
        return;
    if (!m_scanner) {
        m_scanner = new scan::Scanner(this);
        connect(m_scanner, &scan::Scanner::progress, this, [this](int page, int percent) {
            m_ui->progressBar->setRange(0, 100);
            m_ui->progressBar->setValue(percent);
            m_ui->progressBar->setFormat(tr("Page %1: %p%").arg(page));
        });
        connect(m_scanner, &scan::Scanner::pageScanned, this, [this](const Page &p) { addPages(m_scanTarget, {p}); });
        connect(m_scanner, &scan::Scanner::coverSheet, this,
            [this](const QString &materialId) { m_scanTarget = materialId; });
        connect(m_scanner, &scan::Scanner::barcodesFound, this, [this](const QList<scan::Barcode> &codes) {
            for (const scan::Barcode &b : codes)
                Q_EMIT barcodeRead(b.text);
        });
        connect(m_scanner, &scan::Scanner::finished, this, [this](int pages, const QString &error) {
            setBusy(false);
            m_ui->scanButton->setEnabled(true);
            if (!error.isEmpty())
                report(
                    pages > 0 ? tr("%1 (the %n page(s) scanned before are kept)", nullptr, pages).arg(error) : error);
            else
                report({}, tr("%n page(s) scanned.", nullptr, pages));
        });
    }
    if (m_scanner->busy())
        return;
    m_scanTarget = target;
    scan::ScanSettings s = m_settings;
    s.source = m_ui->sourceCombo->currentIndex() == 1 ? scan::ScanSettings::Source::Feeder
                                                      : scan::ScanSettings::Source::Flatbed;
    m_ui->scanButton->setEnabled(false);
    setBusy(true);
    report({}, tr("Scanning…"));
    m_scanner->scan(s);
}

void ScanPanel::importFiles(const QStringList &paths)
{
    const QString target = currentMaterial();
    if (target.isEmpty()) {
        report(tr("Choose a material on the checklist first."));
        return;
    }
    // PDF files are imported by the PDF plugin, loaded here on the GUI thread if not yet; without
    // it a PDF is refused with the reason (scan::PageImporter), the other files are imported.
    (void)PdfPlugin::load();
    setBusy(true);
    m_ui->progressBar->setRange(0, int(paths.size()));
    m_ui->progressBar->setValue(0);
    m_ui->progressBar->setFormat(tr("%v of %m files"));
    const auto stop = m_stop;
    QThread *worker = QThread::create([this, paths, target, stop] {
        QStringList refused;
        int done = 0;
        for (const QString &path : paths) {
            if (stop->load())
                return;
            auto imported = scan::PageImporter::importFile(path);
            Pages pages;
            QStringList codes;
            if (imported) {
                for (const Page &p : imported.value()) {
                    for (const scan::Barcode &b : scan::BarcodeReader::read(p.image, p.originPage))
                        codes << b.text;
                    pages.append(scan::PageNormaliser::normalise(p));
                }
            }
            const QString error = imported ? QString() : imported.error();
            ++done;
            QMetaObject::invokeMethod(this, [this, target, pages, codes, error, path, done] {
                m_ui->progressBar->setValue(done);
                if (!error.isEmpty())
                    report(error);
                addPages(target, pages);
                for (const QString &c : codes)
                    Q_EMIT barcodeRead(c);
                if (m_hotFolder && path.startsWith(m_hotFolder->dir()))
                    m_hotFolder->settle(path, error.isEmpty());
            });
        }
    });
    connect(worker, &QThread::finished, this, [this, worker] {
        m_imports.removeAll(worker);
        worker->deleteLater();
        setBusy(false);
    });
    m_imports.append(worker);
    worker->start();
}

QString ScanPanel::attach(const QString &materialId)
{
    if (!m_stored && (!m_workflow || !m_workflow->hasCase()))
        return tr("No case is open.");
    if (m_dataDir.isEmpty())
        return tr("There is no store for scanned documents.");
    store::BlobStore blobs(m_dataDir);
    const auto stored = m_pages.store(materialId, m_ui->materialCombo->currentText(), blobs);
    if (!stored)
        return stored.error();
    const QString err = m_stored ? m_stored(materialId, stored->sha256, stored->pageCount)
                                 : m_workflow->attachDocument(materialId, stored->sha256, stored->pageCount);
    if (!err.isEmpty())
        return err;
    m_unattached.remove(materialId);
    refreshMaterials();
    report({},
        tr("%n page(s) attached to the case (%1 KB).", nullptr, stored->pageCount).arg((stored->bytes + 1023) / 1024));
    return {};
}

void ScanPanel::materialReceived(const QString &materialId)
{
    selectMaterial(materialId);
    if (m_unattached.contains(materialId) && m_pages.count(materialId) > 0) {
        const QString err = attach(materialId);
        if (!err.isEmpty())
            report(err);
    }
}

void ScanPanel::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        m_ui->retranslateUi(this);
        refreshMaterials();
    }
    QWidget::changeEvent(event);
}

} // namespace ow::ui
