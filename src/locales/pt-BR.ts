import type { MessageKey } from './en.js';

/** Mensagens em português do Brasil: as mesmas chaves de en.ts. */
export const ptBR = {
  'error.internal': 'Algo deu errado (id {id}). Os mantenedores encontram o detalhe nos logs.',
  'error.invalidOption': 'Valor inválido para {option}: {problem}',

  'engine.spec.invalid': 'Rede inválida: {problem}',
  'engine.data.shape': 'Os dados não combinam com a rede: {problem}',
  'engine.diverged':
    'O treino divergiu na época {epoch}: a perda virou {loss}. A taxa de aprendizado ({learningRate}) deve estar alta demais; tente um valor 10x menor.',
  'engine.model.malformed': 'Este não é um arquivo de modelo válido do backprop-bot: {problem}',
  'engine.model.foreign': 'Este arquivo não é um modelo do backprop-bot (formato "{format}").',
  'engine.model.version': 'Este modelo tem a versão {version}; este backprop-bot lê versões até {supported}.',

  'data.unknownDataset': 'Conjunto de dados desconhecido "{name}". Disponíveis: {allowed}.',
  'data.option.range': 'A opção {option} deve estar entre {min} e {max} (recebeu {value}).',
  'data.file.unreadable': 'Não foi possível ler o arquivo "{path}" ({code}).',
  'data.csv.tooLarge': 'O arquivo tem {size} bytes; o limite é {limit} bytes.',
  'data.csv.empty': 'O arquivo está vazio: um CSV precisa de uma linha de cabeçalho com os nomes das colunas e ao menos uma linha de dados.',
  'data.csv.binary': 'Este não é um arquivo CSV de texto: ele contém dados binários (byte {offset}).',
  'data.csv.encoding': 'Este não é um arquivo CSV de texto: não é texto UTF-8 válido (byte {offset}).',
  'data.csv.unclosedQuote': 'Linha {line}: uma aspa (") é aberta e nunca fechada.',
  'data.csv.badQuote': 'Linha {line}: um valor entre aspas é seguido de outros caracteres antes da próxima vírgula.',
  'data.csv.malformed': 'Linha {line}: não foi possível ler o CSV ({code}).',
  'data.csv.noHeader':
    'A primeira linha deve ser um cabeçalho com os nomes das colunas, mas parece ser de dados ("{cells}"). Acrescente uma linha com um nome por coluna.',
  'data.csv.emptyColumnName': 'A coluna {column} não tem nome no cabeçalho (linha 1).',
  'data.csv.duplicateColumn': 'O cabeçalho repete o nome de coluna "{name}" (colunas {first} e {second}).',
  'data.csv.noRows': 'O arquivo tem cabeçalho, mas nenhuma linha de dados.',
  'data.csv.tooManyRows': 'O arquivo tem mais de {limit} linhas de dados (o limite).',
  'data.csv.tooManyColumns': 'O arquivo tem {count} colunas; o limite é {limit}.',
  'data.csv.tooManyCategories':
    'A coluna "{column}" tem mais de {limit} valores diferentes (o limite para uma coluna de texto). Se for um identificador ou texto livre, deixe-a de fora.',
  'data.csv.ragged': 'A linha {line} tem {count} valores, mas o cabeçalho tem {expected} colunas.',
  'data.csv.nonFinite': 'Linha {line}, coluna "{column}": "{value}" não é um número finito.',
  'data.csv.formula':
    'Linha {line}, coluna "{column}": "{value}" parece uma fórmula de planilha. Fórmulas nunca são avaliadas; escreva o próprio valor.',
  'data.csv.targetRequired': 'Indique a coluna-alvo (a que será prevista). Colunas: {columns}.',
  'data.csv.unknownTarget': 'Não existe a coluna "{target}". Colunas: {columns}.',
  'data.csv.unknownIgnored': 'Não dá para deixar de fora a coluna "{column}": ela não existe. Colunas: {columns}.',
  'data.csv.targetMissing': 'Linha {line}: a coluna-alvo "{target}" está vazia; toda linha precisa de uma classe.',
  'data.csv.singleClass':
    'A coluna-alvo "{target}" tem um único valor ("{value}"); um classificador precisa de ao menos duas classes.',
  'data.csv.regression':
    'A coluna-alvo "{target}" tem {count} números diferentes, o que é uma tarefa de regressão; por enquanto só há classificação (de 2 a {limit} classes).',
  'data.csv.tooManyClasses': 'A coluna-alvo "{target}" tem {count} valores diferentes; o limite é {limit} classes.',
  'data.csv.noFeatures': 'Além do alvo "{target}", o arquivo não tem nenhuma coluna para aprender.',
  'data.stroke.schema': 'Este não é o conjunto de dados de AVC: faltam no cabeçalho {missing}. Colunas esperadas: {expected}.',
  'data.stroke.badValue': 'Linha {line}, coluna "{column}": "{value}" não é permitido aqui; esperado {allowed}.',
  'data.stroke.credit':
    'Dados: Stroke Prediction Dataset, de fedesoriano (Kaggle), usado só para fins educacionais; dados (c) dos autores originais.',
  'data.stroke.synthetic':
    'DADOS SINTÉTICOS: nenhum CSV de AVC foi informado, então estas são linhas geradas no formato do Stroke Prediction Dataset. Os números não dizem nada sobre pacientes reais.',
  'data.split.tooFewPerClass':
    'A classe "{class}" tem só {count} linhas; dividir os dados em {parts} partes estratificadas exige ao menos {parts} linhas de cada classe.',
  'data.preprocessing.malformed': 'O pré-processamento salvo neste modelo não é válido: {problem}',
  'data.input.notObject': 'A entrada deve ser um objeto JSON com os valores das colunas, por exemplo {example}.',
  'data.input.notNumber': 'Entrada "{column}": "{value}" não é um número finito.',
  'data.input.unknownCategory':
    'Entrada "{column}": "{value}" não apareceu no treino (conhecidos: {known}); conta como nenhum deles.',
  'data.input.missing': 'A entrada "{column}" está ausente; usando o valor do treino {value}.',
  'data.input.unknownField': 'A entrada "{column}" não é usada por este modelo e foi ignorada. Entradas: {columns}.',

  'cli.usage': 'Uso: npm run cli -- <comando> [opções]. Comandos: {commands}. Acrescente --help a um comando para ver as opções.',
  'cli.unknownCommand': 'Comando desconhecido "{command}". Comandos: {commands}.',
  'cli.train.start': 'Treinando com {dataset} ({rows} linhas): camadas ocultas {hidden} ({activation}), até {epochs} épocas, {optimizer} com taxa de aprendizado {learningRate}.',
  'cli.train.done': 'Pronto em {seconds} s: {status} após {epochs} épocas (menor perda de validação na época {bestEpoch}).',
  'cli.train.status.completed': 'concluído',
  'cli.train.status.early-stopped': 'parada antecipada',
  'cli.train.status.aborted': 'cancelado',
  'cli.train.status.diverged': 'divergiu',
  'cli.train.testHeader': 'Teste separado ({samples} linhas que a rede nunca viu):',
  'cli.train.cvHeader': 'Validação cruzada com {folds} partes (média ± desvio padrão; cada parte avaliada em linhas que o modelo nunca viu):',
  'cli.train.fold': 'parte {fold}: AUC {auc}  recall {recall}  precisão {precision}  F1 {f1}  acurácia {accuracy}',
  'cli.train.baseline': 'responder sempre "{majority}" daria {accuracy} de acurácia',
  'cli.train.threshold': 'limiar de decisão {threshold}, escolhido nas linhas de validação',
  'cli.train.thresholdFixed': 'limiar de decisão {threshold}, fixo',
  'cli.train.confusion': 'matriz de confusão (linhas: real, colunas: previsto):',
  'cli.train.saved': 'Modelo salvo em {path}.',
  'cli.train.images': 'Imagens gravadas em {dir}: {files}.',
  'cli.predict.result': 'P({positive}) = {probability}: previsão "{className}" (limiar {threshold}).',
  'cli.predict.pushes': 'Entradas que mais pesaram (gradiente × entrada):',
  'cli.predict.up': 'para cima',
  'cli.predict.down': 'para baixo',
  'cli.predict.disclaimer': 'Demonstração educacional, não é aconselhamento médico.',
} satisfies Record<MessageKey, string>;
