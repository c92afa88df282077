import type { BackpropText } from '../types.js';

export const backprop: BackpropText = {
  title: 'Retropropagação (backpropagation) passo a passo, com números de verdade',
  summary: 'Como uma rede aprende: ida, erro, a parcela de culpa de cada neurônio e um ajuste',
  story: `**A ideia toda numa história de escritório**
No começo, todo mundo no escritório chuta. Chega um exemplo (x) e ele passa **para a frente**: os funcionários relatam, os gerentes combinam, o CEO responde. O CEO confere o gabarito e mede o erro.
Aí a correção volta **para trás**: o CEO diz a cada gerente quanto do erro foi culpa dele, cada gerente repassa um retorno individual aos seus funcionários, e todo mundo ajusta a confiança nos relatórios que recebeu.
Ida e volta, em muitos exemplos, até o erro parar de cair. Isso é a **retropropagação** (backpropagation), que ficou famosa com Rumelhart, Hinton e Williams (Nature, 1986). Neste fio o nosso motor faz isso uma vez, numa rede minúscula, e mostra cada número.`,
  setup: (v) => `**A rede e o exemplo**
2 entradas, 2 neurônios ocultos (h1 e h2: os funcionários), 1 saída (out: o CEO), sigmoide em tudo, perda de entropia cruzada. Os pesos são aleatórios, como antes de qualquer treino (com semente fixa, então você sempre vê os mesmos); os vieses começam em 0.
Exemplo: x1 = ${v.x1}, x2 = ${v.x2}; o gabarito diz y = ${v.y}.
Pesos entrada → oculta:
${v.weights}
Pesos oculta → saída:
${v.outputWeights}`,
  weightLine: (v) => `${v.from} → ${v.to}: ${v.value}`,
  diagramAlt: 'A rede 2-2-1 antes do treino; linhas coloridas pelo sinal de cada peso.',
  forwardHidden: (v) => `**Ida, parte 1: os funcionários**
Cada neurônio oculto faz a sua soma ponderada z e dispara a = σ(z), com \`${v.formula}\`:
${v.lines}
(As contas usam os números arredondados que você vê; o motor guarda todos os dígitos.)`,
  neuronLine: (v) => `${v.name}: z = ${v.sum} = ${v.z} → a = ${v.a}`,
  forwardOutput: (v) => `**Ida, parte 2: o CEO decide**
O neurônio de saída lê as ativações dos dois funcionários:
${v.line}
Então a rede diz p = **${v.p}** ("sim" com essa probabilidade). O gabarito diz y = ${v.y}.
Perda de entropia cruzada: L = -log(p) = **${v.loss}**. A imagem pinta cada neurônio conforme a sua ativação.`,
  activationsAlt: 'A rede 2-2-1 com cada neurônio pintado pela sua ativação neste exemplo.',
  blameOutput: (v) => `**Volta, parte 1: a parcela de culpa do CEO**
A retropropagação dá a cada neurônio um número δ = ∂L/∂z: quanto a perda mudaria se a soma z daquele neurônio subisse um pouquinho. É a parcela de culpa dele, com direção.
Para o CEO (sigmoide + entropia cruzada) é simplesmente previsão menos resposta:
δ_out = p - y = ${v.p} - ${v.y} = **${v.delta}**
Negativo quer dizer "o seu z devia ter sido maior": a resposta saiu baixa demais.`,
  blameHidden: (v) => `**Volta, parte 2: o retorno chega aos funcionários**
A culpa de cada funcionário é a culpa do CEO, vezes o peso que liga os dois (o quanto o CEO o escutou), vezes a inclinação do próprio funcionário (\`${v.derivative}\`):
δ_h = δ_out · w(h→out) · a_h·(1 - a_h)
${v.lines}
Os sinais são opostos porque o CEO confia num funcionário e desconfia do outro: para p subir, o primeiro deveria disparar menos e o segundo, mais. Essa é a **regra da cadeia** do cálculo, aplicada camada por camada. A imagem pinta cada neurônio conforme o tamanho da sua culpa.`,
  blameLine: (v) => `${v.name}: ${v.deltaOut} · ${v.v} · ${v.a}·(1 - ${v.a}) = **${v.delta}**`,
  blameAlt: 'A rede 2-2-1 com cada neurônio pintado pelo tamanho da sua culpa (o seu delta da retropropagação).',
  gradients: (v) => `**Da culpa para cada peso**
O gradiente de um peso é o sinal que passou por ele vezes a culpa do neurônio que ele alimenta:
∂L/∂w = (entrada do peso) · δ(neurônio que recebe)
Um relatório em voz alta enviado a um neurônio muito culpado leva uma correção grande; um relatório mudo (entrada 0) não leva nenhuma.
${v.lines}
O viés funciona como um peso cuja entrada é sempre 1, então o gradiente dele é o δ do neurônio: ${v.biasLines}`,
  gradientLine: (v) => `${v.from} → ${v.to}: ${v.input} · ${v.delta} = ${v.grad}`,
  update: (v) => `**Um passo: todo mundo se ajusta**
A descida do gradiente move cada peso um pouco no sentido contrário ao do seu gradiente: w_novo = w - η·∂L/∂w, com taxa de aprendizado η = ${v.rate}:
${v.lines}
No mesmo exemplo, a perda vai de ${v.lossBefore} para **${v.lossAfter}**, e p sobe para ${v.pAfter}. Um exemplo, um passinho na direção certa.`,
  updateLine: (v) => `${v.from} → ${v.to}: ${v.before} - ${v.rate}·${v.grad} = ${v.after}`,
  repeat: `**Depois, é repetir muitas vezes**
No treino de verdade isso é feito em mini-lotes de exemplos (tirando a média dos gradientes), passando pelo conjunto inteiro (uma **época**), por muitas épocas, até a perda parar de cair.
Por que isso mudou tudo: uma volta custa mais ou menos o mesmo que uma ida, não importa quantos pesos existam, porque cada δ é calculado uma vez e reaproveitado por todas as camadas de baixo. A regra da cadeia é antiga; usá-la assim para treinar camadas ocultas foi popularizado por Rumelhart, Hinton e Williams em 1986, a partir de trabalhos anteriores (Linnainmaa, 1970; Werbos, 1974). Geoffrey Hinton depois dividiu o Prêmio Turing de 2018 (com Yoshua Bengio e Yann LeCun) e o Nobel de Física de 2024 (com John Hopfield).
Próximo: \`gradient-descent\` (o tamanho certo dos passos).`,
};
