// Russian names with their Latin spelling (for e-mail addresses and social handles).

export const MALE: readonly (readonly [string, string])[] = [
  ['Александр', 'alexander'],
  ['Дмитрий', 'dmitry'],
  ['Максим', 'maxim'],
  ['Сергей', 'sergey'],
  ['Андрей', 'andrey'],
  ['Алексей', 'alexey'],
  ['Иван', 'ivan'],
  ['Николай', 'nikolay'],
  ['Михаил', 'mikhail'],
  ['Павел', 'pavel'],
  ['Артём', 'artem'],
  ['Егор', 'egor'],
];

export const FEMALE: readonly (readonly [string, string])[] = [
  ['Анна', 'anna'],
  ['Мария', 'maria'],
  ['Елена', 'elena'],
  ['Ольга', 'olga'],
  ['Наталья', 'natalia'],
  ['Татьяна', 'tatiana'],
  ['Екатерина', 'ekaterina'],
  ['Ирина', 'irina'],
  ['Светлана', 'svetlana'],
  ['Юлия', 'yulia'],
  ['Дарья', 'daria'],
  ['Ксения', 'ksenia'],
];

/** Surnames in the masculine form; the feminine adds "а" (Иванов → Иванова). */
export const SURNAMES: readonly (readonly [string, string])[] = [
  ['Иванов', 'ivanov'],
  ['Смирнов', 'smirnov'],
  ['Кузнецов', 'kuznetsov'],
  ['Попов', 'popov'],
  ['Васильев', 'vasiliev'],
  ['Петров', 'petrov'],
  ['Соколов', 'sokolov'],
  ['Михайлов', 'mikhailov'],
  ['Новиков', 'novikov'],
  ['Фёдоров', 'fedorov'],
  ['Морозов', 'morozov'],
  ['Волков', 'volkov'],
  ['Алексеев', 'alekseev'],
  ['Лебедев', 'lebedev'],
  ['Семёнов', 'semenov'],
  ['Егоров', 'egorov'],
];

/** A full name (Cyrillic) and its Latin parts, picked by a number. */
export function personName(n: number): { name: string; first: string; last: string } {
  const female = n % 2 === 1;
  const firsts = female ? FEMALE : MALE;
  const [first, firstLatin] = firsts[Math.floor(n / 2) % firsts.length]!;
  const [last, lastLatin] = SURNAMES[Math.floor(n / 7) % SURNAMES.length]!;
  return {
    name: `${first} ${last}${female ? 'а' : ''}`,
    first: firstLatin,
    last: `${lastLatin}${female ? 'a' : ''}`,
  };
}

/** Client companies: name and mail domain. */
export const COMPANIES: readonly (readonly [string, string])[] = [
  ['Вектор', 'vektor.ru'],
  ['Альфа-Трейд', 'alfa-trade.ru'],
  ['Северный ветер', 'sevveter.ru'],
  ['Ромашка', 'romashka.ru'],
  ['Технопарк-М', 'technopark-m.ru'],
  ['Гранит', 'granit.ru'],
  ['Меридиан', 'meridian.ru'],
  ['Сфера', 'sfera.ru'],
  ['Астра', 'astra.ru'],
  ['Континент', 'kontinent.ru'],
  ['Орион', 'orion.ru'],
  ['Байкал-Сервис', 'baikal-service.ru'],
  ['Импульс', 'impuls.ru'],
  ['Горизонт', 'gorizont.ru'],
  ['Профиль', 'profil.ru'],
  ['Эталон', 'etalon.ru'],
  ['Навигатор', 'navigator.ru'],
  ['Кристалл', 'kristall.ru'],
  ['Полюс', 'polus.ru'],
  ['Вега', 'vega.ru'],
  ['Стрела', 'strela.ru'],
  ['Атлант', 'atlant.ru'],
  ['Энергия', 'energia.ru'],
  ['Квант', 'kvant.ru'],
  ['Рассвет', 'rassvet.ru'],
  ['Лидер', 'lider.ru'],
  ['Феникс', 'feniks.ru'],
  ['Магистраль', 'magistral.ru'],
  ['Уралснаб', 'uralsnab.ru'],
  ['Волга-Логистик', 'volga-logistic.ru'],
  ['Спектр', 'spektr.ru'],
  ['Титан', 'titan.ru'],
  ['Аврора', 'avrora.ru'],
  ['Парус', 'parus.ru'],
  ['Зенит', 'zenit-corp.ru'],
  ['Олимп', 'olimp.ru'],
  ['Ладога', 'ladoga.ru'],
  ['Сибирь-Опт', 'sibir-opt.ru'],
  ['Камелот', 'kamelot.ru'],
  ['Мегаполис', 'megapolis.ru'],
];
