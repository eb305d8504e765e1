/**
 * Where each public data set comes from, and the checksums and figures that
 * say the download is the data shopmate was built on.
 *
 * The sha256 of files installed unchanged are those of the reference copies
 * the project was developed against (none of the publishers print one). The
 * UCI workbooks are converted to parquet, so those are checked by row count,
 * date range and a few totals of the reference copies instead.
 */
import { ManifestSchema, type Manifest } from './manifest.ts';

const LIFETIMES =
  'https://raw.githubusercontent.com/CamDavidsonPilon/lifetimes/master';
const BITEXT_LLM_REPO =
  'https://raw.githubusercontent.com/bitext/customer-support-llm-chatbot-training-dataset';
const WANDS_REPO = 'https://raw.githubusercontent.com/wayfair/WANDS';
// Commits whose files match the reference copies; the branch is the fallback.
const WANDS_COMMIT = '37f00c95b2a2abca6396680976378dc899babb7c';
const BITEXT_LLM_COMMIT = '8b6ca3d9559a4a9abab94f7978fae67019215a82';
const BITEXT_LICENCE_COMMIT = 'bc499b9efef745d1f6de2ce0c99ce281f5cb261e';

/** The public data sets behind shopmate, in the layout DATA_DIR uses. */
export const DATA_SOURCES: Manifest = ManifestSchema.parse([
  {
    id: 'online-retail',
    title: 'UCI Online Retail II and Online Retail',
    licence: 'CC BY 4.0 (Chen, D., UCI Machine Learning Repository)',
    homepage: 'https://archive.ics.uci.edu/dataset/502/online+retail+ii',
    manualDownload:
      'https://archive.ics.uci.edu/dataset/502/online+retail+ii and https://archive.ics.uci.edu/dataset/352/online+retail ("Download" gives the zip)',
    archives: [
      {
        id: 'uci-502',
        urls: [
          'https://archive.ics.uci.edu/static/public/502/online+retail+ii.zip',
        ],
        fileNames: ['online+retail+ii.zip', 'online_retail_ii.zip'],
      },
      {
        id: 'uci-352',
        urls: [
          'https://archive.ics.uci.edu/static/public/352/online+retail.zip',
        ],
        fileNames: ['online+retail.zip', 'online_retail.zip'],
      },
    ],
    files: [
      {
        kind: 'retail-workbook',
        path: 'online-retail/online_retail_ii_2009-12_to_2010-12.parquet',
        archive: 'uci-502',
        member: 'online_retail_II.xlsx',
        sheet: 'Year 2009-2010',
        columns: [
          { name: 'Invoice', type: 'STRING' },
          { name: 'StockCode', type: 'STRING' },
          { name: 'Description', type: 'STRING' },
          { name: 'Quantity', type: 'INT64' },
          { name: 'InvoiceDate', type: 'TEXT_TIME' },
          { name: 'Price', type: 'DOUBLE' },
          { name: 'Customer ID', type: 'DOUBLE' },
          { name: 'Country', type: 'STRING' },
        ],
        dateColumn: 'InvoiceDate',
        expect: {
          rows: 525_461,
          firstDate: '2009-12-01 07:45:00',
          lastDate: '2010-12-09 20:01:00',
          invoices: 28_816,
          quantitySum: 5_432_041,
          nullCustomerIds: 107_927,
          nullDescriptions: 2_928,
        },
      },
      {
        kind: 'retail-workbook',
        path: 'online-retail/online_retail_2010-12_to_2011-09.parquet',
        archive: 'uci-352',
        member: 'Online Retail.xlsx',
        columns: [
          { name: 'InvoiceNo', type: 'STRING' },
          { name: 'StockCode', type: 'STRING' },
          { name: 'Description', type: 'STRING' },
          { name: 'Quantity', type: 'INT64' },
          { name: 'InvoiceDate', type: 'TIMESTAMP' },
          { name: 'UnitPrice', type: 'DOUBLE' },
          { name: 'CustomerID', type: 'INT64' },
          { name: 'Country', type: 'STRING' },
        ],
        dateColumn: 'InvoiceDate',
        cutBefore: '2011-10-01 00:00:00',
        expect: {
          rows: 370_931,
          firstDate: '2010-12-01 08:26:00',
          lastDate: '2011-09-30 17:22:00',
          invoices: 18_786,
          quantitySum: 3_639_299,
          nullCustomerIds: 98_056,
          nullDescriptions: 1_260,
        },
        // Reported identically by two unrelated projects that use the data.
        reportedMemberSha256:
          '43465a06f2ccf7c8b5bd2892bc7defb52f97487934fe93b16ae4c3936424676d',
      },
    ],
  },
  {
    id: 'cdnow',
    title: 'CDNOW transactions (lifetimes library datasets)',
    licence: 'MIT (lifetimes)',
    homepage: 'https://github.com/CamDavidsonPilon/lifetimes',
    files: [
      {
        kind: 'download',
        path: 'cdnow/CDNOW_master.txt',
        urls: [`${LIFETIMES}/lifetimes/datasets/CDNOW_master.txt`],
        fileNames: ['CDNOW_master.txt'],
        sha256:
          'eff6889ed364c5199d6eacbbeb7a6d559971df4406ac876f322c373f00a072ef',
      },
      {
        kind: 'download',
        path: 'cdnow/CDNOW_sample.txt',
        urls: [`${LIFETIMES}/lifetimes/datasets/CDNOW_sample.txt`],
        fileNames: ['CDNOW_sample.txt'],
        sha256:
          '6fae10155c0b0ba363c2c386e30f77990d22328220efd862a5edd1443420d94a',
      },
      {
        kind: 'download',
        path: 'cdnow/cdnow_customers_summary.csv',
        urls: [`${LIFETIMES}/lifetimes/datasets/cdnow_customers_summary.csv`],
        fileNames: ['cdnow_customers_summary.csv'],
        sha256:
          '09d92ca80daaabe8be0f997d4c539f9c9606106baa5b199081fe01cbce5fa9f6',
      },
      {
        kind: 'download',
        path: 'cdnow/LICENSE.lifetimes.txt',
        urls: [`${LIFETIMES}/LICENSE.txt`],
        fileNames: ['LICENSE.lifetimes.txt', 'LICENSE.txt'],
        sha256:
          'eabba5d927630ba270781bd2704815fd9ec942bceb418ffc05b43fec4d4ac2cc',
      },
    ],
  },
  {
    id: 'bitext',
    title: 'Bitext customer-service intent data sets',
    licence: 'CDLA-Sharing-1.0',
    homepage:
      'https://github.com/bitext/customer-support-llm-chatbot-training-dataset',
    manualDownload:
      'https://www.kaggle.com/datasets/bitext/training-dataset-for-chatbotsvirtual-assistants (the "Download" zip)',
    archives: [
      {
        id: 'kaggle-bitext',
        urls: [
          'https://www.kaggle.com/api/v1/datasets/download/bitext/training-dataset-for-chatbotsvirtual-assistants',
        ],
        fileNames: [
          'training-dataset-for-chatbotsvirtual-assistants.zip',
          'archive.zip',
        ],
      },
    ],
    files: [
      {
        kind: 'download',
        path: 'bitext/LICENSE.txt',
        urls: [
          `${BITEXT_LLM_REPO}/${BITEXT_LICENCE_COMMIT}/LICENSE.txt`,
          `${BITEXT_LLM_REPO}/main/LICENSE.txt`,
        ],
        fileNames: ['LICENSE.txt'],
        sha256:
          'f6054388eae4947a769ca2020c54e6d394eb01c41d58db55bb6cfd24ce71cdd8',
      },
      {
        kind: 'archive-member',
        path: 'bitext/bitext_cs_training_8k.csv',
        archive: 'kaggle-bitext',
        member: 'Bitext_Sample_Customer_Service_Training_Dataset.csv',
        sha256:
          '1049853331bc3f2b994e92b5e593ec7e167ad93fb5dd4f2799bf8ea5bbd24a58',
      },
      {
        kind: 'archive-member',
        path: 'bitext/bitext_cs_utterances_20k.csv',
        archive: 'kaggle-bitext',
        member:
          '20000-Utterances-Training-dataset-for-chatbots-virtual-assistant-Bitext-sample.csv',
        sha256:
          '40181754755eba808aa949e8d67b65d2923a37b3cb56786705592ef66f45c4ff',
      },
      {
        kind: 'download',
        path: 'bitext/bitext_llm_cs_training_2023-08_official.csv',
        urls: [
          `${BITEXT_LLM_REPO}/${BITEXT_LLM_COMMIT}/data/train/Bitext_Sample_Customer_Support_Training_Dataset.csv`,
          `${BITEXT_LLM_REPO}/main/data/train/Bitext_Sample_Customer_Support_Training_Dataset.csv`,
          'https://huggingface.co/datasets/bitext/Bitext-customer-support-llm-chatbot-training-dataset/resolve/9bea5faf42b8732ca8c347a80f0b5777486a18e1/Bitext_Sample_Customer_Support_Training_Dataset.csv',
        ],
        fileNames: [
          'bitext_llm_cs_training_2023-08_official.csv',
          'Bitext_Sample_Customer_Support_Training_Dataset.csv',
        ],
        sha256:
          '079b0cec48d34c319c9877b6d178390bf7187a7f7a604958e0ed5a096bba5af6',
      },
    ],
  },
  {
    id: 'wands',
    title: 'Wayfair WANDS search queries',
    licence: 'MIT',
    homepage: 'https://github.com/wayfair/WANDS',
    files: [
      {
        kind: 'download',
        path: 'wands/query.csv',
        urls: [
          `${WANDS_REPO}/${WANDS_COMMIT}/dataset/query.csv`,
          `${WANDS_REPO}/main/dataset/query.csv`,
        ],
        fileNames: ['query.csv'],
        sha256:
          '63b61660560fecc33ec490804c7e2b81402ee3e7c31a9cbb5e03736639f68e95',
      },
      {
        kind: 'download',
        path: 'wands/LICENSE',
        urls: [
          `${WANDS_REPO}/${WANDS_COMMIT}/LICENSE`,
          `${WANDS_REPO}/main/LICENSE`,
        ],
        fileNames: ['LICENSE'],
        sha256:
          'e3ce14610132897db9f64e21d7871a7a60c0bc04364ec61e4faa99643c5072d6',
      },
    ],
  },
]);
