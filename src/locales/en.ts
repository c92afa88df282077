/**
 * English messages. Keys are grouped by area; values use {name} placeholders.
 * pt-BR.ts must have exactly the same keys (checked by the type system and by a test).
 */
export const en = {
  // errors any surface can show
  'error.internal': 'Something went wrong (id {id}). The maintainers can find it in the logs.',
  'error.invalidOption': 'Invalid value for {option}: {problem}',

  // engine
  'engine.spec.invalid': 'Invalid network: {problem}',
  'engine.data.shape': 'Data does not fit the network: {problem}',
  'engine.diverged':
    'Training diverged at epoch {epoch}: the loss became {loss}. The learning rate ({learningRate}) is probably too high; try a value 10x smaller.',
  'engine.model.malformed': 'This is not a valid backprop-bot model file: {problem}',
  'engine.model.foreign': 'This file is not a backprop-bot model (format "{format}").',
  'engine.model.version': 'This model file has version {version}; this backprop-bot reads versions up to {supported}.',

  // datasets
  'data.unknownDataset': 'Unknown dataset "{name}". Available: {allowed}.',
  'data.option.range': 'Option {option} must be between {min} and {max} (got {value}).',
  'data.file.unreadable': 'Cannot read the file "{path}" ({code}).',
  'data.csv.tooLarge': 'The file is {size} bytes; the limit is {limit} bytes.',
  'data.csv.empty': 'The file is empty: a CSV needs a header line with column names and at least one data row.',
  'data.csv.binary': 'This is not a CSV text file: it contains binary data (byte {offset}).',
  'data.csv.encoding': 'This is not a CSV text file: it is not valid UTF-8 text (byte {offset}).',
  'data.csv.unclosedQuote': 'Line {line}: a quote (") is opened and never closed.',
  'data.csv.badQuote': 'Line {line}: a quoted value is followed by other characters before the next comma.',
  'data.csv.malformed': 'Line {line}: the CSV cannot be read ({code}).',
  'data.csv.noHeader':
    'The first line must be a header with column names, but it looks like data ("{cells}"). Add a line with one name per column.',
  'data.csv.emptyColumnName': 'Column {column} has no name in the header (line 1).',
  'data.csv.duplicateColumn': 'The header names column "{name}" twice (columns {first} and {second}).',
  'data.csv.noRows': 'The file has a header but no data rows.',
  'data.csv.tooManyRows': 'The file has more than {limit} data rows (the limit).',
  'data.csv.tooManyColumns': 'The file has {count} columns; the limit is {limit}.',
  'data.csv.tooManyCategories':
    'Column "{column}" has more than {limit} different values (the limit for a text column). If it is an id or free text, leave it out.',
  'data.csv.ragged': 'Line {line} has {count} values, but the header has {expected} columns.',
  'data.csv.nonFinite': 'Line {line}, column "{column}": "{value}" is not a finite number.',
  'data.csv.formula':
    'Line {line}, column "{column}": "{value}" looks like a spreadsheet formula. Formulas are never evaluated; write the value itself.',
  'data.csv.targetRequired': 'Name the target column (the one to predict). Columns: {columns}.',
  'data.csv.unknownTarget': 'There is no column "{target}". Columns: {columns}.',
  'data.csv.unknownIgnored': 'Cannot leave out column "{column}": there is no such column. Columns: {columns}.',
  'data.csv.targetMissing': 'Line {line}: the target column "{target}" is empty; every row needs a class.',
  'data.csv.singleClass':
    'The target column "{target}" has only one value ("{value}"); a classifier needs at least two classes.',
  'data.csv.regression':
    'The target column "{target}" holds {count} different numbers, which is a regression task; only classification (2 to {limit} classes) is supported for now.',
  'data.csv.tooManyClasses': 'The target column "{target}" has {count} different values; the limit is {limit} classes.',
  'data.csv.noFeatures': 'Besides the target "{target}", the file has no column to learn from.',
  'data.stroke.schema': 'This is not the stroke dataset: the header lacks {missing}. Expected columns: {expected}.',
  'data.stroke.badValue': 'Line {line}, column "{column}": "{value}" is not allowed here; expected {allowed}.',
  'data.stroke.credit':
    'Data: Stroke Prediction Dataset by fedesoriano (Kaggle), used for education only; data (c) its original authors.',
  'data.stroke.synthetic':
    'SYNTHETIC DATA: no stroke CSV was given, so these are generated rows shaped like the Stroke Prediction Dataset. The numbers say nothing about real patients.',
  'data.split.tooFewPerClass':
    'Class "{class}" has only {count} rows; splitting the data into {parts} stratified parts needs at least {parts} rows of every class.',
  'data.preprocessing.malformed': 'The saved preprocessing in this model is not valid: {problem}',
  'data.input.notObject': 'The input must be a JSON object of column values, for example {example}.',
  'data.input.notNumber': 'Input "{column}": "{value}" is not a finite number.',
  'data.input.unknownCategory':
    'Input "{column}": "{value}" was not seen in training (known: {known}); it counts as none of them.',
  'data.input.missing': 'Input "{column}" is missing; using the training value {value}.',
  'data.input.unknownField': 'Input "{column}" is not used by this model and was ignored. Inputs: {columns}.',

  // CLI
  'cli.usage': 'Usage: npm run cli -- <command> [options]. Commands: {commands}. Add --help to a command for its options.',
  'cli.unknownCommand': 'Unknown command "{command}". Commands: {commands}.',
  // CLI summaries
  'cli.train.start': 'Training on {dataset} ({rows} rows): hidden layers {hidden} ({activation}), up to {epochs} epochs, {optimizer} with learning rate {learningRate}.',
  'cli.train.done': 'Done in {seconds} s: {status} after {epochs} epochs (lowest validation loss at epoch {bestEpoch}).',
  'cli.train.status.completed': 'completed',
  'cli.train.status.early-stopped': 'stopped early',
  'cli.train.status.aborted': 'cancelled',
  'cli.train.status.diverged': 'diverged',
  'cli.train.testHeader': 'Held-out test ({samples} rows the network never saw):',
  'cli.train.cvHeader': '{folds}-fold cross-validation (mean ± standard deviation over folds; each fold scored on rows it never saw):',
  'cli.train.fold': 'fold {fold}: AUC {auc}  recall {recall}  precision {precision}  F1 {f1}  accuracy {accuracy}',
  'cli.train.baseline': 'always answering "{majority}" would score {accuracy} accuracy',
  'cli.train.threshold': 'decision threshold {threshold}, chosen on validation rows',
  'cli.train.thresholdFixed': 'decision threshold {threshold}, fixed',
  'cli.train.confusion': 'confusion matrix (rows: actual, columns: predicted):',
  'cli.train.saved': 'Model saved to {path}.',
  'cli.train.images': 'Pictures written to {dir}: {files}.',
  'cli.predict.result': 'P({positive}) = {probability}: predicted "{className}" (threshold {threshold}).',
  'cli.predict.pushes': 'Inputs that pushed it most (gradient × input):',
  'cli.predict.up': 'up',
  'cli.predict.down': 'down',
  'cli.predict.disclaimer': 'Educational demo, not medical advice.',
} as const;

export type MessageKey = keyof typeof en;
