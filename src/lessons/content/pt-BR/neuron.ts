import type { NeuronText } from '../types.js';

export const neuron: NeuronText = {
  title: 'O neurônio: a menor peça de uma rede neural',
  summary: 'O que um neurônio artificial calcula: soma ponderada, viés e função de ativação',
  hook: `**Afinal, o que é uma rede neural?**
Uma função: f(x) = y. Entra alguma coisa (x), sai uma resposta (y).
- x pode ser os dados de um paciente (idade, pressão, glicose…) e y, "teve AVC ou não".
- x pode ser os pixels de uma foto e y, "é cachorro ou não".
Ninguém escreve as regras de f à mão: a rede *aprende* essas regras com exemplos cujas respostas já conhecemos. Este fio é sobre a peça mais simples dela: um neurônio.`,
  employee: `**Um neurônio é um funcionário**
Imagine um escritório que precisa tomar uma decisão. Um funcionário recebe alguns relatórios (as entradas x₁, x₂, …) e confia mais em uns do que em outros: essa confiança é o **peso** (w₁, w₂, …). Um peso negativo quer dizer "esse relatório pesa *contra*". Ele também tem uma tendência pessoal, o **viés** b: a facilidade com que se empolga logo de saída.
O funcionário pondera os relatórios, soma a sua tendência e decide com que força vai "disparar". É só isso que um neurônio faz.`,
  weightedSum: (v) => `**Passo 1: a soma ponderada**
Em matemática, "ponderar os relatórios e somar a tendência" fica assim:
\`z = w₁·x₁ + w₂·x₂ + b\`
Com entradas x₁ = ${v.x1}, x₂ = ${v.x2}, pesos w₁ = ${v.w1}, w₂ = ${v.w2} e viés b = ${v.b}:
z = ${v.w1}·${v.x1} + (${v.w2})·${v.x2} + ${v.b} = **${v.z}**
(Quem calculou foi o nosso motor; dá para conferir à mão.) Com mais entradas a soma só fica mais comprida: z = Σᵢ wᵢ·xᵢ + b.`,
  squash: (v) => `**Passo 2: a ativação (dispara ou não?)**
z pode ser qualquer número, então o neurônio o passa por uma **função de ativação**. Uma clássica é a sigmoide:
\`${v.formula}\`
Ela espreme qualquer z num valor entre 0 e 1, como um dimmer e não como um interruptor: z muito negativo → perto de 0, muito positivo → perto de 1, z = 0 → exatamente 0,5.
Aqui: σ(${v.z}) = **${v.a}**. O funcionário dispara com bastante força. No neurônio de saída de uma pergunta de sim ou não, esse número é lido como uma probabilidade.`,
  oneLine: (v) => `**O que um neurônio sozinho consegue (e não consegue) fazer**
Como z = w₁·x₁ + w₂·x₂ + b, os pontos onde z = 0 (onde a resposta muda) formam uma **reta**. Então um neurônio só consegue separar duas classes com uma reta.
- Duas nuvens de pontos: um neurônio treinado acerta **${v.gaussAccuracy}** (primeira imagem).
- XOR (a classe é "sim" quando exatamente um entre x₁ e x₂ é positivo): nenhuma reta resolve. Um neurônio treinado acerta **${v.xorAccuracy}**, e a segunda imagem fica quase toda cinza: o melhor meio-termo que ele acha é "50/50" em quase todo lugar, então o lado dos 50% em que cada ponto cai depende de restos mínimos do treino, e o placar não é melhor do que chutar (pode até sair pior, como aqui).
Esse é o perceptron de Frank Rosenblatt (1958) e o seu limite, que Minsky e Papert tornaram famoso no livro *Perceptrons* (1969).`,
  gaussAlt: 'Fronteira de decisão de um único neurônio treinado: uma reta que separa bem duas nuvens de pontos.',
  xorAlt: 'Fronteira de decisão de um único neurônio treinado no XOR: uma reta só não separa os quatro cantos.',
  learning: `**E onde entra o aprendizado?**
Nos pesos e no viés. No começo são números aleatórios: o funcionário confia nos relatórios errados. Aprender é ajustar cada peso um pouquinho, exemplo após exemplo, até as respostas baterem com o gabarito.
Próximos passos:
- \`layers\`: vários neurônios juntos resolvem o que um só não resolve (como o XOR).
- \`activation\`: por que a curva da σ faz diferença.
- \`loss\` e \`backprop\`: como a rede mede o próprio erro e descobre para que lado ajustar cada peso.`,
};
